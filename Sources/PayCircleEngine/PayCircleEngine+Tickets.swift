import Foundation
import PayCircleCore
import PayCircleStore

extension PayCircleEngine {
    /// Takes a place in a hall's queue for `service` on behalf of `customer` (the app's opaque id of its
    /// user, kept only as a digest). Refused when the hall has no fresh report for the service (its call
    /// time could not be estimated), is closed now or closes before the estimated call (by its opening
    /// hours), `from` cannot reach it on foot, the customer already holds a ticket there
    /// (`already_holding`), or the service's remote tickets fill their share of the next hour's counter
    /// capacity (`remote_queue_full`, ``TicketRules/remoteShare``). Answers the ticket, the key that
    /// cancels it (shown this once) and, from `from`, the walking seconds to the hall.
    public func issueTicket(hallID: String, service: PaymentService, customer: String, from: Coordinate?) async throws -> IssuedTicket {
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
        // The hall's count of calls so far today, when its machine reports one: the ticket keeps the
        // departure it waits for, so that later reports and calls move it.
        let calls = try await store.calls(hallID: hall.id, service: service, after: report.reportedAt)
        let served = queue.servedToday.map { $0 + calls.count }
        let freeCounter = served.map { Self.freeCounterChance(queue, served: $0, at: now, in: hall) } ?? 0
        let key = TicketKey.generate()
        let holder = TicketKey.digest(customer: customer)
        let cap = ticketRules.remoteCap(perHour: Double(queue.openCounters) * 3600 / queue.handlingSeconds)
        // Numbers run per hall, service and local day: C001 is the first cash ticket of the hall's day.
        let ticket = try await store.issueTicket(hallID: hall.id, service: service, since: Self.startOfDay(at: now, in: hall)) { [ticketRules] issuedToday, active, booked in
            try Self.refuseSecondHolding(holder, active: active, booked: booked, at: hall)
            let waiting = active.filter { $0.service == service && $0.status == .waiting }
            guard waiting.count < cap else {
                throw EngineError(.conflict, code: "remote_queue_full",
                                  "'\(hall.id)' has \(waiting.count) remote \(service.rawValue) tickets waiting, the most its counters allow "
                                      + "(\(Int((ticketRules.remoteShare * 100).rounded()))% of the next hour's capacity)", field: "service")
            }
            let ahead = queue.waiting + waiting.count
            let ticket = QueueTicket(id: QueueTicketRow.newID(), hallID: hall.id, service: service,
                                     number: QueueTicket.number(service: service, sequence: issuedToday + 1), issuedAt: now,
                                     ahead: ahead, rate: queue.rate, holderDigest: holder, keyDigest: TicketKey.digest(key: key),
                                     departure: served.map { $0 + ahead + 1 })
            // Refused, and nothing stored, when the hall closes before the estimated call.
            let call = Self.placeAtIssue(ticket, freeCounter: freeCounter).callTime(at: now).expected
            guard hall.isOpen(at: call) != false else {
                throw EngineError(.conflict, code: "closes_before_call",
                                  "'\(hall.id)' closes before the estimated call at \(hall.localTimestamp(call))", field: "id")
            }
            return ticket
        }
        queues.adjustRemote(hallID: hall.id, service: service, by: 1)
        signals.signal(hall.id)
        return IssuedTicket(ticket: ticket, place: Self.placeAtIssue(ticket, freeCounter: freeCounter), key: key, walkSeconds: walkSeconds)
    }

    /// The place a ticket has at issue: as issued, with the chance of a free counter when nobody is ahead.
    static func placeAtIssue(_ ticket: QueueTicket, freeCounter: Double) -> QueuePlace {
        var place = ticket.issuedPlace
        if ticket.ahead == 0 { place.immediate = freeCounter }
        return place
    }

    /// The chance that a counter is free when nobody waits, with customers arriving as fast as the hall has
    /// served them since it opened today (at least a quarter of an hour counted): 1 − Erlang's loss formula.
    static func freeCounterChance(_ queue: ServiceQueue, served: Int, at now: Date, in hall: PaymentPoint) -> Double {
        let dayStart = startOfDay(at: now, in: hall)
        let opened = hall.isOpen(at: dayStart) == true ? dayStart : (hall.nextOpening(after: dayStart) ?? dayStart)
        let seconds = max(900, now.timeIntervalSince(opened))
        return 1 - WaitModel.allBusyWhenNobodyWaits(counters: queue.openCounters, arrivalsPerSecond: Double(served) / seconds,
                                                    handlingSeconds: queue.handlingSeconds)
    }

    /// Where `ticket` stands now: moved by the hall's newest report of its service and the calls made
    /// through PayCircle since (when the ticket keeps a departure and the report counts what was served),
    /// else as issued.
    public func place(of ticket: QueueTicket) async throws -> QueuePlace {
        guard ticket.status == .waiting, ticket.departure != nil, let report = queues.report(for: ticket.hallID), report.reportedAt <= clock.now,
              let queue = report.services[ticket.service], queue.servedToday != nil else { return ticket.issuedPlace }
        let calls = try await store.calls(hallID: ticket.hallID, service: ticket.service, after: report.reportedAt)
        return ticket.place(queue: queue, reportedAt: report.reportedAt, callsSince: calls.count, lastCall: calls.last)
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

    /// Cancels a waiting ticket for the holder of its `key`: 403 `wrong_ticket_key` without the key the
    /// ticket was issued with.
    public func cancelTicket(id: String, key: String?) async throws {
        let ticket = try await ticket(id: id)
        guard let expected = ticket.keyDigest, let key, TicketKey.digest(key: key) == expected else {
            throw EngineError(.forbidden, code: "wrong_ticket_key", key == nil ? "cancelling a ticket needs the Ticket-Key header given when it was issued"
                                                                                : "the Ticket-Key header does not match this ticket", field: "Ticket-Key")
        }
        guard try await store.cancelTicket(id: id) else { throw EngineError.notFound("ticket '\(id)' is \(ticket.status.rawValue), not waiting") }
        queues.adjustRemote(hallID: ticket.hallID, service: ticket.service, by: -1)
        signals.signal(ticket.hallID)
    }

    /// The start of the local day of `point` (its time zone) that `now` falls in.
    static func startOfDay(at now: Date, in point: PaymentPoint) -> Date {
        point.localCalendar.startOfDay(for: now)
    }

    /// One active ticket or appointment per customer per hall: 409 `already_holding` when `holder` has one.
    static func refuseSecondHolding(_ holder: String, active: [QueueTicket], booked: Set<String>, at hall: PaymentPoint) throws(EngineError) {
        if let held = active.first(where: { $0.holderDigest == holder }) {
            throw EngineError(.conflict, code: "already_holding",
                              "this customer already holds ticket \(held.number) at '\(hall.id)' (\(held.status.rawValue)); cancel it before taking another",
                              field: "customer")
        }
        if booked.contains(holder) {
            throw EngineError(.conflict, code: "already_holding", "this customer already holds an appointment at '\(hall.id)'", field: "customer")
        }
    }

    /// The walking seconds from `from` to `point`, when a place and a network are given.
    func walk(from: Coordinate?, to point: PaymentPoint) throws(EngineError) -> Double? {
        guard let from, let graph else { return nil }
        do { return try graph.route(from: from, to: point.location).duration } catch { throw .network(error) }
    }
}
