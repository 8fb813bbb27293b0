import Foundation
import PayCircleCore
import PayCircleStore
import PostgresNIO

extension PostGISStore {
    public func issueTicket(hallID: String, service: PaymentService, since start: Date,
                            _ make: @escaping @Sendable (_ issuedSince: Int, _ active: [QueueTicket], _ booked: Set<String>) throws -> QueueTicket) async throws -> QueueTicket {
        try await database.transaction { transaction in
            let (issued, held) = try await Self.issuing(hallID: hallID, service: service, since: start, transaction)
            let ticket = try make(issued, held, try await Self.bookedHolders(hallID: hallID, transaction))
            try await Self.insert(ticket, transaction)
            return ticket
        }
    }

    /// Takes the hall's issuing lock (one issuer per hall at a time, across instances, so that numbers and
    /// places in line stay unique) and answers how many tickets it issued for `service` since `start` and
    /// its active tickets (every service, oldest first).
    static func issuing(hallID: String, service: PaymentService, since start: Date,
                        _ transaction: PostgresDatabase.Transaction) async throws -> (Int, [QueueTicket]) {
        try await transaction.query("SELECT pg_advisory_xact_lock(hashtext(\(hallID)))")
        let issued = try await transaction.query("""
            SELECT count(*) FROM queue_tickets WHERE hall_id = \(hallID) AND service = \(service.rawValue) AND issued_at >= \(start.timeIntervalSince1970)
            """).first?.decode(Int.self) ?? 0
        let held = try await transaction.query("""
            SELECT \(unescaped: QueueTicketRow.columns) FROM queue_tickets
            WHERE hall_id = \(hallID) AND status IN (\(QueueTicket.Status.waiting.rawValue), \(QueueTicket.Status.called.rawValue))
            ORDER BY issued_at, id COLLATE "C"
            """).map(Self.ticket)
        return (issued, held)
    }

    static func insert(_ ticket: QueueTicket, _ transaction: PostgresDatabase.Transaction) async throws {
        try await transaction.query("""
            INSERT INTO queue_tickets (\(unescaped: QueueTicketRow.columns))
            VALUES (\(ticket.id), \(ticket.hallID), \(ticket.service.rawValue), \(ticket.number), \(ticket.issuedAt.timeIntervalSince1970),
                    \(ticket.ahead), \(ticket.rate), \(ticket.status.rawValue), \(ticket.calledAt?.timeIntervalSince1970),
                    \(ticket.holderDigest), \(ticket.keyDigest), \(ticket.departure), \(ticket.appointmentID))
            """)
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

    public func moveTicket(hallID: String, service: PaymentService, number: String, from: QueueTicket.Status, to: QueueTicket.Status,
                           at now: Date) async throws -> QueueTicket? {
        let calledAt: Double? = to == .called ? now.timeIntervalSince1970 : nil
        return try await database.query("""
            UPDATE queue_tickets SET status = \(to.rawValue), called_at = coalesce(\(calledAt), called_at)
            WHERE id = (SELECT id FROM queue_tickets WHERE hall_id = \(hallID) AND service = \(service.rawValue) AND number = \(number)
                        AND status = \(from.rawValue) ORDER BY issued_at, id COLLATE "C" LIMIT 1 FOR UPDATE)
            RETURNING \(unescaped: QueueTicketRow.columns)
            """).first.map(Self.ticket)
    }

    public func markNoShows(calledBefore cutoff: Date) async throws -> Int {
        try await database.query("""
            UPDATE queue_tickets SET status = \(QueueTicket.Status.noShow.rawValue)
            WHERE status = \(QueueTicket.Status.called.rawValue) AND called_at < \(cutoff.timeIntervalSince1970) RETURNING id
            """).count
    }

    public func calls(hallID: String, service: PaymentService, after start: Date) async throws -> (count: Int, last: Date?) {
        let row = try await database.query("""
            SELECT count(*), max(called_at) FROM queue_tickets
            WHERE hall_id = \(hallID) AND service = \(service.rawValue) AND called_at > \(start.timeIntervalSince1970)
            """).first
        guard let (count, last) = try row?.decode((Int, Double?).self) else { return (0, nil) }
        return (count, last.map(Date.init(timeIntervalSince1970:)))
    }

    public func waitingTickets() async throws -> [QueueTicket] {
        try await database.map("""
            SELECT \(unescaped: QueueTicketRow.columns) FROM queue_tickets WHERE status = \(QueueTicket.Status.waiting.rawValue)
            ORDER BY issued_at, id COLLATE "C"
            """, Self.ticket)
    }

    public func expireTickets(ids: [String]) async throws -> Int {
        try await database.query("""
            UPDATE queue_tickets SET status = \(QueueTicket.Status.expired.rawValue)
            WHERE id = ANY(\(ids)) AND status = \(QueueTicket.Status.waiting.rawValue) RETURNING id
            """).count
    }

    static func ticket(_ row: PostgresRow) throws -> QueueTicket {
        let (id, hall, service, number, issuedAt, ahead, rate, status, calledAt, holder, key, departure, appointment) =
            try row.decode((String, String, String, String, Double, Int, Double, String, Double?, String?, String?, Int?, String?).self)
        return try QueueTicketRow.ticket(id: id, hallID: hall, service: service, number: number, issuedAt: issuedAt, ahead: ahead, rate: rate,
                                         status: status, calledAt: calledAt, holderDigest: holder, keyDigest: key, departure: departure,
                                         appointmentID: appointment)
    }
}
