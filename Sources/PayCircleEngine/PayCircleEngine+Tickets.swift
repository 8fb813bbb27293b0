import Foundation
import PayCircleCore
import PayCircleStore

extension PayCircleEngine {
    /// Takes a place in a hall's queue for `service`: refused when the hall has no fresh report for it
    /// (its call time could not be estimated), is closed now or closes before the estimated call (by its
    /// opening hours), or `from` cannot reach it on foot. Answers the ticket and, from `from`, the walking
    /// seconds to the hall.
    public func issueTicket(hallID: String, service: PaymentService, from: Coordinate?) async throws -> (ticket: QueueTicket, walkSeconds: Double?) {
        let hall = try hall(hallID, for: .tickets)
        let now = clock.now
        guard let report = queues.report(for: hall.id), waits.estimate(for: hall, report: report, at: now, walkSeconds: 0, service: service).source == .queue,
              let queue = report.services[service] else {
            throw EngineError(.conflict, code: "no_queue",
                              "'\(hall.id)' has no fresh queue report for \(service.rawValue): a ticket's call time cannot be estimated", field: "service")
        }
        if hall.isOpen(at: now) == false {
            let opens = hall.nextOpening(after: now).map { "; it opens at \(hall.localTimestamp($0))" } ?? ""
            throw EngineError(.conflict, code: "hall_closed", "'\(hall.id)' is closed now\(opens)", field: "id")
        }
        // Every check comes before the ticket is stored: a place the network cannot reach is refused first.
        let walkSeconds = try walk(from: from, to: hall)
        // Numbers run per hall, service and local day: C001 is the first cash ticket of the hall's day.
        let ticket = try await store.issueTicket(hallID: hall.id, service: service, since: Self.startOfDay(at: now, in: hall)) { issuedToday, waiting in
            let ticket = QueueTicket(id: QueueTicketRow.newID(), hallID: hall.id, service: service,
                                     number: QueueTicket.number(service: service, sequence: issuedToday + 1), issuedAt: now,
                                     ahead: queue.waiting + waiting.count, rate: Double(queue.openCounters) / queue.handlingSeconds)
            // Refused, and nothing stored, when the hall closes before the estimated call.
            let call = ticket.callTime(at: now).expected
            guard hall.isOpen(at: call) != false else {
                throw EngineError(.conflict, code: "closes_before_call",
                                  "'\(hall.id)' closes before the estimated call at \(hall.localTimestamp(call))", field: "id")
            }
            return ticket
        }
        return (ticket, walkSeconds)
    }

    public func ticket(id: String) async throws -> QueueTicket {
        guard let ticket = try await store.ticket(id: id) else { throw EngineError.notFound("no ticket with id '\(id)'") }
        return ticket
    }

    /// The walking seconds from `from` to the hall of `ticket`, when a place and a network are given.
    public func walkSeconds(from: Coordinate?, toHallOf ticket: QueueTicket) throws(EngineError) -> Double? {
        guard let hall = registry.point(id: ticket.hallID) else { return nil }
        return try walk(from: from, to: hall)
    }

    /// Cancels a waiting ticket.
    public func cancelTicket(id: String) async throws {
        guard try await store.cancelTicket(id: id) else { throw EngineError.notFound("no waiting ticket with id '\(id)'") }
    }

    /// The start of the local day of `point` (its time zone) that `now` falls in.
    static func startOfDay(at now: Date, in point: PaymentPoint) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: point.timeZone) ?? TimeZone(identifier: PaymentPoint.defaultTimeZone)!
        return calendar.startOfDay(for: now)
    }

    /// The walking seconds from `from` to `point`, when a place and a network are given.
    func walk(from: Coordinate?, to point: PaymentPoint) throws(EngineError) -> Double? {
        guard let from, let graph else { return nil }
        do { return try graph.route(from: from, to: point.location).duration } catch { throw .network(error) }
    }
}
