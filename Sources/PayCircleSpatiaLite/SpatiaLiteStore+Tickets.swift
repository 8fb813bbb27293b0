import Foundation
import PayCircleCore
import PayCircleStore

extension SpatiaLiteStore {
    public func issueTicket(hallID: String, service: PaymentService, since start: Date,
                            _ make: @escaping @Sendable (_ issuedSince: Int, _ active: [QueueTicket], _ booked: Set<String>) throws -> QueueTicket) async throws -> QueueTicket {
        try await pool.write { connection in
            try connection.transaction {
                let (issued, held) = try Self.issuing(hallID: hallID, service: service, since: start, connection)
                let ticket = try make(issued, held, try Self.bookedHolders(hallID: hallID, connection))
                try Self.insert(ticket, connection)
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

    public func moveTicket(hallID: String, service: PaymentService, number: String, from: QueueTicket.Status, to: QueueTicket.Status,
                           at now: Date) async throws -> QueueTicket? {
        try await pool.write { connection in
            try connection.transaction {
                let find = try connection.prepare("""
                    SELECT \(TicketColumn.list) FROM queue_tickets WHERE hall_id = ? AND service = ? AND number = ? AND status = ?
                    ORDER BY issued_at, id LIMIT 1
                    """)
                find.bind([.text(hallID), .text(service.rawValue), .text(number), .text(from.rawValue)])
                guard try find.step() else { return nil }
                var ticket = try Self.ticket(find)
                ticket.status = to
                if to == .called { ticket.calledAt = now }
                try connection.prepare("UPDATE queue_tickets SET status = ?, called_at = ? WHERE id = ?")
                    .run([.text(to.rawValue), ticket.calledAt.map { .real($0.timeIntervalSince1970) } ?? .null, .text(ticket.id)])
                return ticket
            }
        }
    }

    public func markNoShows(calledBefore cutoff: Date) async throws -> Int {
        try await pool.write { connection in
            try connection.prepare("UPDATE queue_tickets SET status = ? WHERE status = ? AND called_at < ?")
                .run([.text(QueueTicket.Status.noShow.rawValue), .text(QueueTicket.Status.called.rawValue), .real(cutoff.timeIntervalSince1970)])
            return connection.changes
        }
    }

    public func calls(hallID: String, service: PaymentService, after start: Date) async throws -> (count: Int, last: Date?) {
        try await pool.read { connection in
            let statement = try connection.prepare("SELECT count(*), max(called_at) FROM queue_tickets WHERE hall_id = ? AND service = ? AND called_at > ?")
            statement.bind([.text(hallID), .text(service.rawValue), .real(start.timeIntervalSince1970)])
            guard try statement.step() else { return (0, nil) }
            return (Int(statement.int(0)), statement.text(1) == nil ? nil : Date(timeIntervalSince1970: statement.double(1)))
        }
    }

    public func waitingTickets() async throws -> [QueueTicket] {
        try await pool.read { connection in
            let rows = try connection.prepare("SELECT \(TicketColumn.list) FROM queue_tickets WHERE status = ? ORDER BY issued_at, id")
            rows.bind([.text(QueueTicket.Status.waiting.rawValue)])
            var tickets: [QueueTicket] = []
            while try rows.step() { tickets.append(try Self.ticket(rows)) }
            return tickets
        }
    }

    public func expireTickets(ids: [String]) async throws -> Int {
        try await pool.write { connection in
            try connection.transaction {
                let expire = try connection.prepare("UPDATE queue_tickets SET status = ? WHERE id = ? AND status = ?")
                var expired = 0
                for id in ids {
                    try expire.run([.text(QueueTicket.Status.expired.rawValue), .text(id), .text(QueueTicket.Status.waiting.rawValue)])
                    expired += connection.changes
                }
                return expired
            }
        }
    }

    /// How many tickets the hall issued for `service` since `start`, and its active tickets (every service, oldest first).
    static func issuing(hallID: String, service: PaymentService, since start: Date, _ connection: SQLiteConnection) throws -> (Int, [QueueTicket]) {
        let count = try connection.prepare("SELECT count(*) FROM queue_tickets WHERE hall_id = ? AND service = ? AND issued_at >= ?")
        count.bind([.text(hallID), .text(service.rawValue), .real(start.timeIntervalSince1970)])
        let issued = try count.step() ? Int(count.int(0)) : 0
        let active = try connection.prepare("""
            SELECT \(TicketColumn.list) FROM queue_tickets
            WHERE hall_id = ? AND status IN (?, ?) ORDER BY issued_at, id
            """)
        active.bind([.text(hallID), .text(QueueTicket.Status.waiting.rawValue), .text(QueueTicket.Status.called.rawValue)])
        var held: [QueueTicket] = []
        while try active.step() { held.append(try ticket(active)) }
        return (issued, held)
    }

    static func insert(_ ticket: QueueTicket, _ connection: SQLiteConnection) throws {
        try connection.prepare("INSERT INTO queue_tickets (\(QueueTicketRow.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").run([
            .text(ticket.id), .text(ticket.hallID), .text(ticket.service.rawValue), .text(ticket.number),
            .real(ticket.issuedAt.timeIntervalSince1970), .integer(Int64(ticket.ahead)), .real(ticket.rate), .text(ticket.status.rawValue),
            ticket.calledAt.map { .real($0.timeIntervalSince1970) } ?? .null,
            ticket.holderDigest.map { .text($0) } ?? .null, ticket.keyDigest.map { .text($0) } ?? .null,
            ticket.departure.map { .integer(Int64($0)) } ?? .null, ticket.appointmentID.map { .text($0) } ?? .null,
        ])
    }

    private static func ticket(_ row: SQLiteStatement) throws -> QueueTicket {
        try QueueTicketRow.ticket(id: row.text(TicketColumn.id) ?? "", hallID: row.text(TicketColumn.hallID) ?? "", service: row.text(TicketColumn.service) ?? "",
                                  number: row.text(TicketColumn.number) ?? "", issuedAt: row.double(TicketColumn.issuedAt), ahead: Int(row.int(TicketColumn.ahead)),
                                  rate: row.double(TicketColumn.rate), status: row.text(TicketColumn.status) ?? "",
                                  calledAt: row.text(TicketColumn.calledAt) == nil ? nil : row.double(TicketColumn.calledAt),
                                  holderDigest: row.text(TicketColumn.holderDigest), keyDigest: row.text(TicketColumn.keyDigest),
                                  departure: row.text(TicketColumn.departure) == nil ? nil : Int(row.int(TicketColumn.departure)),
                                  appointmentID: row.text(TicketColumn.appointmentID))
    }

    /// The columns a ticket is read from, in SELECT order.
    private enum TicketColumn: Int32, SelectedColumn {
        case id, hallID, service, number, issuedAt, ahead, rate, status, calledAt, holderDigest, keyDigest, departure, appointmentID

        var sql: String {
            switch self {
            case .hallID: "hall_id"
            case .issuedAt: "issued_at"
            case .calledAt: "called_at"
            case .holderDigest: "customer_sha256"
            case .keyDigest: "key_sha256"
            case .appointmentID: "appointment_id"
            default: "\(self)"
            }
        }
    }
}
