import PayCircleCore

/// Remote queue tickets.
public protocol TicketRepository: Sendable {
    /// Issues a ticket in one transaction, one issuer per hall at a time: `make` gets the hall's next
    /// sequence number and the tickets still waiting for that service (oldest first) and returns the
    /// ticket to store.
    func issueTicket(hallID: String, service: PaymentService,
                     _ make: @escaping @Sendable (_ sequence: Int, _ waiting: [QueueTicket]) throws -> QueueTicket) async throws -> QueueTicket
    func ticket(id: String) async throws -> QueueTicket?
    /// Marks a waiting ticket cancelled; false when there is no such waiting ticket.
    func cancelTicket(id: String) async throws -> Bool
}
