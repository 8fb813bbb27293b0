import Foundation
import PayCircleCore
import PayCircleStore

extension SpatiaLiteStore {
    public func issueTicket(hallID: String, service: PaymentService,
                            _ make: @escaping @Sendable (_ sequence: Int, _ waiting: [QueueTicket]) throws -> QueueTicket) async throws -> QueueTicket {
        try await pool.write { connection in
            try connection.transaction {
                let count = try connection.prepare("SELECT count(*) FROM queue_tickets WHERE hall_id = ?")
                count.bind([.text(hallID)])
                let sequence = try count.step() ? Int(count.int(0)) + 1 : 1
                let waiting = try connection.prepare("""
                    SELECT \(TicketColumn.list) FROM queue_tickets
                    WHERE hall_id = ? AND service = ? AND status = ? ORDER BY issued_at, id
                    """)
                waiting.bind([.text(hallID), .text(service.rawValue), .text(QueueTicket.Status.waiting.rawValue)])
                var held: [QueueTicket] = []
                while try waiting.step() { held.append(try Self.ticket(waiting)) }
                let ticket = try make(sequence, held)
                try connection.prepare("INSERT INTO queue_tickets (\(QueueTicketRow.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").run([
                    .text(ticket.id), .text(ticket.hallID), .text(ticket.service.rawValue), .text(ticket.number),
                    .real(ticket.issuedAt.timeIntervalSince1970), .integer(Int64(ticket.ahead)), .real(ticket.rate), .text(ticket.status.rawValue),
                ])
                return ticket
            }
        }
    }

    public func ticket(id: String) async throws -> QueueTicket? {
        try await pool.read { connection in
            let statement = try connection.prepare("SELECT \(TicketColumn.list) FROM queue_tickets WHERE id = ?")
            statement.bind([.text(id)])
            return try statement.step() ? try Self.ticket(statement) : nil
        }
    }

    public func cancelTicket(id: String) async throws -> Bool {
        try await pool.write { connection in
            try connection.prepare("UPDATE queue_tickets SET status = ? WHERE id = ? AND status = ?")
                .run([.text(QueueTicket.Status.cancelled.rawValue), .text(id), .text(QueueTicket.Status.waiting.rawValue)])
            return connection.changes > 0
        }
    }

    private static func ticket(_ row: SQLiteStatement) throws -> QueueTicket {
        try QueueTicketRow.ticket(id: row.text(TicketColumn.id) ?? "", hallID: row.text(TicketColumn.hallID) ?? "", service: row.text(TicketColumn.service) ?? "",
                                  number: row.text(TicketColumn.number) ?? "", issuedAt: row.double(TicketColumn.issuedAt), ahead: Int(row.int(TicketColumn.ahead)),
                                  rate: row.double(TicketColumn.rate), status: row.text(TicketColumn.status) ?? "")
    }

    /// The columns a ticket is read from, in SELECT order.
    private enum TicketColumn: Int32, SelectedColumn {
        case id, hallID, service, number, issuedAt, ahead, rate, status

        var sql: String {
            switch self {
            case .hallID: "hall_id"
            case .issuedAt: "issued_at"
            default: "\(self)"
            }
        }
    }
}
