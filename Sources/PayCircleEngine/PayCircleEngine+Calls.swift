import Foundation
import PayCircleCore
import PayCircleStore

extension PayCircleEngine {
    /// The hall's queue machine calls ticket `number` of `service`: a waiting ticket becomes called, now.
    public func callTicket(hallID: String, service: PaymentService, number: String) async throws -> QueueTicket {
        let hall = try hall(hallID, for: .tickets)
        guard let ticket = try await store.moveTicket(hallID: hall.id, service: service, number: number, from: .waiting, to: .called, at: clock.now) else {
            throw EngineError(.notFound, code: "not_found", "'\(hall.id)' has no waiting \(service.rawValue) ticket \(number)", field: "number")
        }
        queues.adjustRemote(hallID: hall.id, service: service, by: -1)
        signals.signal(hall.id)
        return ticket
    }

    /// The hall closes a called ticket as served or as a no-show.
    public func closeTicket(hallID: String, service: PaymentService, number: String, outcome: QueueTicket.Outcome) async throws -> QueueTicket {
        let hall = try hall(hallID, for: .tickets)
        guard let ticket = try await store.moveTicket(hallID: hall.id, service: service, number: number, from: .called, to: outcome.status,
                                                      at: clock.now) else {
            throw EngineError(.notFound, code: "not_found", "'\(hall.id)' has no called \(service.rawValue) ticket \(number)", field: "number")
        }
        signals.signal(hall.id)
        return ticket
    }

    /// Ends the tickets that time has ended: called ones not closed within ``TicketRules/noShowAfter`` become
    /// no-shows, and so do appointments whose slot ended without a check-in; waiting ones expire when their hall is closed (by its opening hours) or their local day
    /// is over. Counts the remote tickets still waiting anew. Answers how many of each.
    @discardableResult
    public func sweepTickets() async throws -> (noShows: Int, expired: Int) {
        let now = clock.now
        let noShows = try await store.markNoShows(calledBefore: now.addingTimeInterval(-ticketRules.noShowAfter))
            + store.markMissedAppointments(endedBefore: now)
        let waiting = try await store.waitingTickets()
        let over = waiting.filter { ticket in
            guard let hall = registry.point(id: ticket.hallID) else { return true }
            return ticket.issuedAt < Self.startOfDay(at: now, in: hall) || hall.isOpen(at: now) == false
        }
        let expired = over.isEmpty ? 0 : try await store.expireTickets(ids: over.map { $0.id })
        // Counted anew from the store, which also brings in what other instances issued and called.
        let ended = Set(over.map(\.id))
        queues.countRemote(waiting.filter { !ended.contains($0.id) })
        if noShows + expired > 0 { signals.signalAll() }
        return (noShows, expired)
    }
}
