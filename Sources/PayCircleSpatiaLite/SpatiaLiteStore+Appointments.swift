import Foundation
import PayCircleCore
import PayCircleStore

extension SpatiaLiteStore {
    public func setAppointmentSettings(_ settings: AppointmentSettings) async throws {
        try await pool.write { connection in
            try connection.prepare("""
                INSERT INTO appointment_settings (hall_id, slot_minutes, capacity, fit_to_forecast) VALUES (?, ?, ?, ?)
                ON CONFLICT (hall_id) DO UPDATE SET slot_minutes = excluded.slot_minutes, capacity = excluded.capacity,
                    fit_to_forecast = excluded.fit_to_forecast
                """).run([.text(settings.hallID), .integer(Int64(settings.slotMinutes)), .text(AppointmentRow.capacityJSON(settings.capacity)),
                          .integer(settings.fitToForecast ? 1 : 0)])
        }
    }

    public func appointmentSettings(hallID: String) async throws -> AppointmentSettings? {
        try await pool.read { connection in
            let statement = try connection.prepare("SELECT slot_minutes, capacity, fit_to_forecast FROM appointment_settings WHERE hall_id = ?")
            statement.bind([.text(hallID)])
            guard try statement.step() else { return nil }
            return AppointmentSettings(hallID: hallID, slotMinutes: Int(statement.int(0)), capacity: try AppointmentRow.capacity(json: statement.text(1) ?? ""),
                                       fitToForecast: statement.int(2) != 0)
        }
    }

    public func bookAppointment(hallID: String, service: PaymentService, start: Date,
                                _ make: @escaping @Sendable (_ bookedInSlot: Int, _ holders: Set<String>) throws -> Appointment) async throws -> Appointment {
        try await pool.write { connection in
            try connection.transaction {
                let count = try connection.prepare("SELECT count(*) FROM appointments WHERE hall_id = ? AND service = ? AND slot_start = ? AND status IN (?, ?)")
                count.bind([.text(hallID), .text(service.rawValue), .real(start.timeIntervalSince1970),
                            .text(Appointment.Status.booked.rawValue), .text(Appointment.Status.checkedIn.rawValue)])
                let booked = try count.step() ? Int(count.int(0)) : 0
                let holders = try Self.bookedHolders(hallID: hallID, connection).union(try Self.ticketHolders(hallID: hallID, connection))
                let appointment = try make(booked, holders)
                try connection.prepare("INSERT INTO appointments (\(AppointmentRow.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").run([
                    .text(appointment.id), .text(appointment.hallID), .text(appointment.service.rawValue), .real(appointment.start.timeIntervalSince1970),
                    .real(appointment.end.timeIntervalSince1970), .text(appointment.status.rawValue), .real(appointment.bookedAt.timeIntervalSince1970),
                    .text(appointment.holderDigest), .text(appointment.keyDigest), appointment.ticketID.map { .text($0) } ?? .null,
                ])
                return appointment
            }
        }
    }

    public func appointment(id: String) async throws -> Appointment? {
        try await pool.read { connection in try Self.appointment(id: id, connection) }
    }

    public func bookedCounts(hallID: String, service: PaymentService, from: Date, to: Date) async throws -> [Date: Int] {
        try await pool.read { connection in
            let statement = try connection.prepare("""
                SELECT slot_start, count(*) FROM appointments
                WHERE hall_id = ? AND service = ? AND slot_start >= ? AND slot_start < ? AND status IN (?, ?) GROUP BY slot_start
                """)
            statement.bind([.text(hallID), .text(service.rawValue), .real(from.timeIntervalSince1970), .real(to.timeIntervalSince1970),
                            .text(Appointment.Status.booked.rawValue), .text(Appointment.Status.checkedIn.rawValue)])
            var counts: [Date: Int] = [:]
            while try statement.step() { counts[Date(timeIntervalSince1970: statement.double(0))] = Int(statement.int(1)) }
            return counts
        }
    }

    public func checkIn(appointmentID: String, dayStart: Date,
                        _ make: @escaping @Sendable (_ appointment: Appointment, _ issuedSince: Int, _ active: [QueueTicket]) throws -> QueueTicket) async throws -> QueueTicket? {
        try await pool.write { connection in
            try connection.transaction {
                guard let appointment = try Self.appointment(id: appointmentID, connection), appointment.status == .booked else { return nil }
                let (issued, active) = try Self.issuing(hallID: appointment.hallID, service: appointment.service, since: dayStart, connection)
                let ticket = try make(appointment, issued, active)
                try Self.insert(ticket, connection)
                try connection.prepare("UPDATE appointments SET status = ?, ticket_id = ? WHERE id = ?")
                    .run([.text(Appointment.Status.checkedIn.rawValue), .text(ticket.id), .text(appointmentID)])
                return ticket
            }
        }
    }

    public func cancelAppointment(id: String) async throws -> Bool {
        try await pool.write { connection in
            try connection.prepare("UPDATE appointments SET status = ? WHERE id = ? AND status = ?")
                .run([.text(Appointment.Status.cancelled.rawValue), .text(id), .text(Appointment.Status.booked.rawValue)])
            return connection.changes > 0
        }
    }

    public func markMissedAppointments(endedBefore cutoff: Date) async throws -> Int {
        try await pool.write { connection in
            try connection.prepare("UPDATE appointments SET status = ? WHERE status = ? AND slot_end < ?")
                .run([.text(Appointment.Status.noShow.rawValue), .text(Appointment.Status.booked.rawValue), .real(cutoff.timeIntervalSince1970)])
            return connection.changes
        }
    }

    /// The holders of the hall's booked appointments.
    static func bookedHolders(hallID: String, _ connection: SQLiteConnection) throws -> Set<String> {
        let statement = try connection.prepare("SELECT customer_sha256 FROM appointments WHERE hall_id = ? AND status = ?")
        statement.bind([.text(hallID), .text(Appointment.Status.booked.rawValue)])
        var holders: Set<String> = []
        while try statement.step() { if let holder = statement.text(0) { holders.insert(holder) } }
        return holders
    }

    /// The holders of the hall's active tickets.
    private static func ticketHolders(hallID: String, _ connection: SQLiteConnection) throws -> Set<String> {
        let statement = try connection.prepare("SELECT customer_sha256 FROM queue_tickets WHERE hall_id = ? AND status IN (?, ?) AND customer_sha256 IS NOT NULL")
        statement.bind([.text(hallID), .text(QueueTicket.Status.waiting.rawValue), .text(QueueTicket.Status.called.rawValue)])
        var holders: Set<String> = []
        while try statement.step() { if let holder = statement.text(0) { holders.insert(holder) } }
        return holders
    }

    private static func appointment(id: String, _ connection: SQLiteConnection) throws -> Appointment? {
        let statement = try connection.prepare("SELECT \(AppointmentColumn.list) FROM appointments WHERE id = ?")
        statement.bind([.text(id)])
        guard try statement.step() else { return nil }
        return try AppointmentRow.appointment(
            id: statement.text(AppointmentColumn.id) ?? "", hallID: statement.text(AppointmentColumn.hallID) ?? "",
            service: statement.text(AppointmentColumn.service) ?? "", start: statement.double(AppointmentColumn.start),
            end: statement.double(AppointmentColumn.end), status: statement.text(AppointmentColumn.status) ?? "",
            bookedAt: statement.double(AppointmentColumn.bookedAt), holderDigest: statement.text(AppointmentColumn.holderDigest) ?? "",
            keyDigest: statement.text(AppointmentColumn.keyDigest) ?? "", ticketID: statement.text(AppointmentColumn.ticketID))
    }

    /// The columns an appointment is read from, in SELECT order (``AppointmentRow/columns``).
    private enum AppointmentColumn: Int32, SelectedColumn {
        case id, hallID, service, start, end, status, bookedAt, holderDigest, keyDigest, ticketID

        var sql: String {
            switch self {
            case .hallID: "hall_id"
            case .start: "slot_start"
            case .end: "slot_end"
            case .bookedAt: "booked_at"
            case .holderDigest: "customer_sha256"
            case .keyDigest: "key_sha256"
            case .ticketID: "ticket_id"
            default: "\(self)"
            }
        }
    }
}
