import Foundation
import Hummingbird
import PayCircleCore
import PayCircleEngine
import PayCircleStore

/// Halls' live queues: `PUT /v1/halls/{id}/queue` for queue machines (operator or admin token) and
/// `GET /v1/halls/{id}/queue` for anyone, with the waits they mean now.
///
/// ```json
/// PUT /v1/halls/hall-1/queue
/// {"reported_at": "2026-11-24T10:00:00+08:00",
///  "services": {"cash": {"waiting": 4, "open_counters": 2, "handling_s": 120}}}
/// ```
struct QueueRoutes<Context: GuardedRequestContext>: Sendable {
    let engine: PayCircleEngine

    /// `GET` among `reads`, `PUT` among `writes`.
    func add(reads: some RouterMethods<Context>, writes: some RouterMethods<Context>) {
        writes.put("/v1/halls/:id/queue") { request, context in try await report(request, context, hallID: try WriteAccess.pathID(context)) }
        reads.get("/v1/halls/:id/queue") { _, context in try show(hallID: try WriteAccess.pathID(context)) }
    }

    func report(_ request: Request, _ context: Context, hallID: String) async throws -> Response {
        _ = try engine.authorize(context.credentials, for: .reportState(pointID: hallID))
        let hall = try engine.hall(hallID)
        let now = engine.clock.now
        let report: QueueReport
        do {
            report = try Self.parse(try await WriteAccess.body(request), hallID: hall.id, now: now, maxAge: engine.waits.maxReportAge)
        } catch let error as InputError {
            throw APIError.badRequest(error)
        }
        let current = try await engine.record(report)
        return JSONResponse.make(QueueJSON(hall: hall, report: current, waits: engine.waits, now: now))
    }

    func show(hallID: String) throws -> Response {
        let hall = try engine.hall(hallID)
        return JSONResponse.make(QueueJSON(hall: hall, report: engine.queues.report(for: hall.id), waits: engine.waits, now: engine.clock.now))
    }

    /// A report from a request body, every field checked and named when wrong. The report counts as made
    /// when the server received it: a `reported_at`, when given, may only say it was made earlier, by at
    /// most `maxAge` (a queue machine catching up after an outage); one later than receipt is refused, so no
    /// client can date a report ahead and keep it newest.
    static func parse(_ object: [String: Any], hallID: String, now: Date, maxAge: TimeInterval) throws(InputError) -> QueueReport {
        var reportedAt = now
        if let value = object["reported_at"] {
            guard let text = value as? String, let date = PointRecord.parseTimestamp(text) else {
                throw InputError("expected an ISO 8601 time such as 2026-11-24T10:00:00+08:00", field: "reported_at")
            }
            guard date <= now else {
                throw InputError("is after the server received the report (\(Timestamp.utcString(now))): reports cannot be dated ahead", field: "reported_at")
            }
            guard now.timeIntervalSince(date) <= maxAge else {
                throw InputError("is more than \(Int(maxAge)) s before the server received the report: too old to say how the queue stands", field: "reported_at")
            }
            reportedAt = date
        }
        guard let services = object["services"] as? [String: Any], !services.isEmpty else {
            throw InputError("expected an object of services, e.g. {\"cash\": {\"waiting\": 4, \"open_counters\": 2, \"handling_s\": 120}}", field: "services")
        }
        var queues: [PaymentService: ServiceQueue] = [:]
        for (name, value) in services {
            guard let service = PaymentService(rawValue: name) else {
                throw InputError("unknown service (one of \(PaymentService.allCases.map(\.rawValue).joined(separator: ", ")))", field: "services.\(name)")
            }
            guard let fields = value as? [String: Any] else { throw InputError("expected an object", field: "services.\(name)") }
            func whole(_ key: String, _ range: ClosedRange<Int>) throws(InputError) -> Int {
                guard !WriteAccess.isBoolean(fields[key]), let number = fields[key] as? Double, number == number.rounded(),
                      number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
                    throw InputError("expected a whole number from \(range.lowerBound) to \(range.upperBound)", field: "services.\(name).\(key)")
                }
                return Int(number)
            }
            let waiting = try whole("waiting", ServiceQueue.waitingRange)
            let counters = try whole("open_counters", ServiceQueue.countersRange)
            guard !WriteAccess.isBoolean(fields["handling_s"]), let handling = fields["handling_s"] as? Double, ServiceQueue.handlingRange.contains(handling) else {
                throw InputError("expected seconds from \(Int(ServiceQueue.handlingRange.lowerBound)) to \(Int(ServiceQueue.handlingRange.upperBound))",
                                 field: "services.\(name).handling_s")
            }
            queues[service] = ServiceQueue(waiting: waiting, openCounters: counters, handlingSeconds: handling)
        }
        return QueueReport(hallID: hallID, reportedAt: reportedAt, services: queues)
    }
}
