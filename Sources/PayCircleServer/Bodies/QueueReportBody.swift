import Foundation
import PayCircleCore

/// `PUT /v1/halls/{id}/queue`:
/// `{"reported_at": "2026-11-24T10:00:00+08:00", "services": {"cash": {"waiting": 4, "open_counters": 2, "handling_s": 120, "served_today": 37}}}`;
/// `served_today` (numbers called so far in the hall's day) is optional.
struct QueueReportBody: Decodable {
    /// When the queue machine says it made the report; checked against the time of receipt by ``report(hallID:now:maxAge:)``.
    let reportedAt: Date?
    let services: [PaymentService: ServiceQueue]

    static let servicesExample = "expected an object of services, e.g. {\"cash\": {\"waiting\": 4, \"open_counters\": 2, \"handling_s\": 120}}"

    init(from decoder: any Decoder) throws {
        let members = try decoder.members(else: "expected an object")
        let timeExpectation = "expected an ISO 8601 time such as 2026-11-24T10:00:00+08:00"
        if let text = try members.optional(String.self, BodyKey("reported_at"), else: timeExpectation) {
            guard let date = PointRecord.parseTimestamp(text) else { throw InputError(timeExpectation, field: "reported_at") }
            reportedAt = date
        } else {
            reportedAt = nil
        }
        let byName: KeyedDecodingContainer<BodyKey>
        do { byName = try members.nestedContainer(keyedBy: BodyKey.self, forKey: BodyKey("services")) } catch {
            throw InputError(Self.servicesExample, field: "services")
        }
        guard !byName.allKeys.isEmpty else { throw InputError(Self.servicesExample, field: "services") }
        var services: [PaymentService: ServiceQueue] = [:]
        for key in byName.allKeys {
            guard let service = PaymentService(rawValue: key.stringValue) else {
                throw InputError("unknown service (one of \(PaymentService.allCases.map(\.rawValue).joined(separator: ", ")))", field: "services.\(key.stringValue)")
            }
            services[service] = try byName.decode(ServiceQueueBody.self, forKey: key).queue
        }
        self.services = services
    }

    /// The report, counted as made when the server received it at `now`: a `reported_at` may only say it
    /// was made earlier, by at most `maxAge` (a queue machine catching up after an outage); one later than
    /// receipt is refused, so no client can date a report ahead and keep it newest.
    func report(hallID: String, now: Date, maxAge: TimeInterval) throws(InputError) -> QueueReport {
        var reportedAt = now
        if let date = self.reportedAt {
            guard date <= now else {
                throw InputError("is after the server received the report (\(Timestamp.utcString(now))): reports cannot be dated ahead", field: "reported_at")
            }
            guard now.timeIntervalSince(date) <= maxAge else {
                throw InputError("is more than \(Int(maxAge)) s before the server received the report: too old to say how the queue stands", field: "reported_at")
            }
            reportedAt = date
        }
        return QueueReport(hallID: hallID, reportedAt: reportedAt, services: services)
    }
}

/// One service of a queue report: whole numbers of people and counters, and seconds of handling.
struct ServiceQueueBody: Decodable {
    let queue: ServiceQueue

    init(from decoder: any Decoder) throws {
        let members = try decoder.members(else: "expected an object")
        func whole(_ key: String, _ range: ClosedRange<Int>) throws(InputError) -> Int {
            let expectation = "expected a whole number from \(range.lowerBound) to \(range.upperBound)"
            let number = try members.required(Double.self, BodyKey(key), else: expectation)
            guard number == number.rounded(), number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
                throw InputError(expectation, field: BodyField.path(members.codingPath + [BodyKey(key)]))
            }
            return Int(number)
        }
        let waiting = try whole("waiting", ServiceQueue.waitingRange)
        let counters = try whole("open_counters", ServiceQueue.countersRange)
        let range = ServiceQueue.handlingRange
        let expectation = "expected seconds from \(Int(range.lowerBound)) to \(Int(range.upperBound))"
        let handling = try members.required(Double.self, BodyKey("handling_s"), else: expectation)
        guard range.contains(handling) else { throw InputError(expectation, field: BodyField.path(members.codingPath + [BodyKey("handling_s")])) }
        let servedKey = BodyKey("served_today")
        let served = members.contains(servedKey) && (try? members.decodeNil(forKey: servedKey)) != true ? try whole("served_today", ServiceQueue.servedRange) : nil
        queue = ServiceQueue(waiting: waiting, openCounters: counters, handlingSeconds: handling, servedToday: served)
    }
}
