import Foundation
import PayCircleCore
import PayCircleStore
import PostgresNIO

extension PostGISStore {
    public func issueTicket(hallID: String, service: PaymentService,
                            _ make: @escaping @Sendable (_ sequence: Int, _ waiting: [QueueTicket]) throws -> QueueTicket) async throws -> QueueTicket {
        try await database.transaction { transaction in
            // One issuer per hall at a time, across instances: numbers and places in line stay unique.
            try await transaction.query("SELECT pg_advisory_xact_lock(hashtext(\(hallID)))")
            let sequence = (try await transaction.query("SELECT count(*) FROM queue_tickets WHERE hall_id = \(hallID)").first?.decode(Int.self) ?? 0) + 1
            let held = try await transaction.query("""
                SELECT \(unescaped: QueueTicketRow.columns) FROM queue_tickets
                WHERE hall_id = \(hallID) AND service = \(service.rawValue) AND status = \(QueueTicket.Status.waiting.rawValue)
                ORDER BY issued_at, id COLLATE "C"
                """).map(Self.ticket)
            let ticket = try make(sequence, held)
            try await transaction.query("""
                INSERT INTO queue_tickets (\(unescaped: QueueTicketRow.columns))
                VALUES (\(ticket.id), \(ticket.hallID), \(ticket.service.rawValue), \(ticket.number), \(ticket.issuedAt.timeIntervalSince1970),
                        \(ticket.ahead), \(ticket.rate), \(ticket.status.rawValue))
                """)
            return ticket
        }
    }

    public func ticket(id: String) async throws -> QueueTicket? {
        try await database.query("SELECT \(unescaped: QueueTicketRow.columns) FROM queue_tickets WHERE id = \(id)").first.map(Self.ticket)
    }

    public func cancelTicket(id: String) async throws -> Bool {
        !(try await database.query("""
            UPDATE queue_tickets SET status = \(QueueTicket.Status.cancelled.rawValue)
            WHERE id = \(id) AND status = \(QueueTicket.Status.waiting.rawValue) RETURNING id
            """)).isEmpty
    }

    private static func ticket(_ row: PostgresRow) throws -> QueueTicket {
        let (id, hall, service, number, issuedAt, ahead, rate, status) = try row.decode((String, String, String, String, Double, Int, Double, String).self)
        return try QueueTicketRow.ticket(id: id, hallID: hall, service: service, number: number, issuedAt: issuedAt, ahead: ahead, rate: rate, status: status)
    }
}
