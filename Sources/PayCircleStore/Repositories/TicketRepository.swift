import Foundation
import PayCircleCore

/// Remote queue tickets.
public protocol TicketRepository: Sendable {
    /// Issues a ticket in one transaction, one issuer per hall at a time: `make` gets how many tickets the
    /// hall has issued for `service` since `start`, the hall's active tickets (waiting or called, every
    /// service, oldest first) and the holders (digests) of its booked appointments, and returns the ticket
    /// to store (numbering and limits are the caller's rules).
    func issueTicket(hallID: String, service: PaymentService, since start: Date,
                     _ make: @escaping @Sendable (_ issuedSince: Int, _ active: [QueueTicket], _ booked: Set<String>) throws -> QueueTicket) async throws -> QueueTicket
    func ticket(id: String) async throws -> QueueTicket?
    /// Marks a waiting ticket cancelled; false when there is no such waiting ticket.
    func cancelTicket(id: String) async throws -> Bool
    /// Moves the oldest ticket `number` of a hall's service that is `from` to `to` (recording `at` as the
    /// call time when `to` is called); nil when the hall has no such ticket.
    func moveTicket(hallID: String, service: PaymentService, number: String, from: QueueTicket.Status, to: QueueTicket.Status,
                    at: Date) async throws -> QueueTicket?
    /// Marks every ticket called before `cutoff` and not closed a no-show; answers how many.
    func markNoShows(calledBefore cutoff: Date) async throws -> Int
    /// How many tickets of a hall's service were called after `start`, and when the last of them was.
    func calls(hallID: String, service: PaymentService, after start: Date) async throws -> (count: Int, last: Date?)
    /// Every waiting ticket of every hall, oldest first.
    func waitingTickets() async throws -> [QueueTicket]
    /// Marks the tickets `ids` that still wait expired; answers how many.
    func expireTickets(ids: [String]) async throws -> Int
}
