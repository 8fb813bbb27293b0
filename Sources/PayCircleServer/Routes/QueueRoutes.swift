import Foundation
import Hummingbird
import PayCircleCore
import PayCircleStore

/// Halls' live queues: `PUT /v1/halls/{id}/queue` for queue machines (operator or admin token) and
/// `GET /v1/halls/{id}/queue` for anyone, with the waits they mean now.
///
/// ```json
/// PUT /v1/halls/hall-1/queue
/// {"reported_at": "2026-11-24T10:00:00+08:00",
///  "services": {"cash": {"waiting": 4, "open_counters": 2, "handling_s": 120}}}
/// ```
struct QueueRoutes<Context: RequestContext>: Sendable {
    let registry: PointRegistry
    let queues: QueueBoard
    let waits: WaitModel

    func add(to router: Router<Context>) {
        router.put("/v1/halls/:id/queue") { request, context in try await report(request, hallID: try WriteAccess.pathID(context)) }
        router.get("/v1/halls/:id/queue") { _, context in try show(hallID: try WriteAccess.pathID(context)) }
    }

    private func hall(_ id: String) throws -> PaymentPoint {
        guard let point = registry.point(id: id) else { throw APIError.notFound("no payment point with id '\(id)'") }
        guard point.kind == .hall || point.kind == .bankBranch else {
            throw APIError.badRequest(InputError("'\(id)' is a \(point.kind.rawValue), which has no queue machine (halls and bank branches do)", field: "id"))
        }
        return point
    }

    func report(_ request: Request, hallID: String) async throws -> Response {
        let access = WriteAccess(store: registry.store)
        _ = try access.token(request, editing: false)
        let hall = try hall(hallID)
        let now = Date()
        let report: QueueReport
        do { report = try Self.parse(try await access.body(request), hallID: hall.id, now: now) } catch let error as InputError {
            throw APIError.badRequest(error)
        }
        try queues.record(report)
        return JSONResponse.make(QueueJSON(hall: hall, report: queues.report(for: hall.id), waits: waits, now: now))
    }

    func show(hallID: String) throws -> Response {
        let hall = try hall(hallID)
        return JSONResponse.make(QueueJSON(hall: hall, report: queues.report(for: hall.id), waits: waits, now: Date()))
    }

    /// A report from a request body, every field checked and named when wrong.
    static func parse(_ object: [String: Any], hallID: String, now: Date) throws(InputError) -> QueueReport {
        var reportedAt = now
        if let value = object["reported_at"] {
            guard let text = value as? String, let date = PointRecord.parseTimestamp(text) else {
                throw InputError("expected an ISO 8601 time such as 2026-11-24T10:00:00+08:00", field: "reported_at")
            }
            guard date <= now.addingTimeInterval(60) else { throw InputError("is in the future", field: "reported_at") }
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
