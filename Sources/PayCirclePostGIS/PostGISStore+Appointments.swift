import Foundation
import PayCircleCore
import PayCircleStore
import PostgresNIO

extension PostGISStore {
    public func setAppointmentSettings(_ settings: AppointmentSettings) async throws {
        try await database.query("""
            INSERT INTO appointment_settings (hall_id, slot_minutes, capacity, fit_to_forecast)
            VALUES (\(settings.hallID), \(settings.slotMinutes), \(AppointmentRow.capacityJSON(settings.capacity)), \(settings.fitToForecast))
            ON CONFLICT (hall_id) DO UPDATE SET slot_minutes = excluded.slot_minutes, capacity = excluded.capacity,
                fit_to_forecast = excluded.fit_to_forecast
            """)
    }

    public func appointmentSettings(hallID: String) async throws -> AppointmentSettings? {
        guard let row = try await database.query("SELECT slot_minutes, capacity, fit_to_forecast FROM appointment_settings WHERE hall_id = \(hallID)").first else { return nil }
        let (minutes, capacity, fit) = try row.decode((Int, String, Bool).self)
        return AppointmentSettings(hallID: hallID, slotMinutes: minutes, capacity: try AppointmentRow.capacity(json: capacity), fitToForecast: fit)
    }

    public func bookAppointment(hallID: String, service: PaymentService, start: Date,
                                _ make: @escaping @Sendable (_ bookedInSlot: Int, _ holders: Set<String>) throws -> Appointment) async throws -> Appointment {
        try await database.transaction { transaction in
            // The tickets' issuing lock: a customer's ticket and appointment at one hall are checked together.
            try await transaction.query("SELECT pg_advisory_xact_lock(hashtext(\(hallID)))")
            let booked = try await transaction.query("""
                SELECT count(*) FROM appointments WHERE hall_id = \(hallID) AND service = \(service.rawValue)
                AND slot_start = \(start.timeIntervalSince1970)
                AND status IN (\(Appointment.Status.booked.rawValue), \(Appointment.Status.checkedIn.rawValue))
                """).first?.decode(Int.self) ?? 0
            let tickets = try await transaction.query("""
                SELECT customer_sha256 FROM queue_tickets WHERE hall_id = \(hallID) AND customer_sha256 IS NOT NULL
                AND status IN (\(QueueTicket.Status.waiting.rawValue), \(QueueTicket.Status.called.rawValue))
                """).map { try $0.decode(String.self) }
            let appointment = try make(booked, try await Self.bookedHolders(hallID: hallID, transaction).union(tickets))
            try await transaction.query("""
                INSERT INTO appointments (\(unescaped: AppointmentRow.columns))
                VALUES (\(appointment.id), \(appointment.hallID), \(appointment.service.rawValue), \(appointment.start.timeIntervalSince1970),
                        \(appointment.end.timeIntervalSince1970), \(appointment.status.rawValue), \(appointment.bookedAt.timeIntervalSince1970),
                        \(appointment.holderDigest), \(appointment.keyDigest), \(appointment.ticketID))
                """)
            return appointment
        }
    }

    public func appointment(id: String) async throws -> Appointment? {
        try await database.query("SELECT \(unescaped: AppointmentRow.columns) FROM appointments WHERE id = \(id)").first.map(Self.appointment)
    }

    public func bookedCounts(hallID: String, service: PaymentService, from: Date, to: Date) async throws -> [Date: Int] {
        let rows = try await database.map("""
            SELECT slot_start, count(*) FROM appointments
            WHERE hall_id = \(hallID) AND service = \(service.rawValue) AND slot_start >= \(from.timeIntervalSince1970) AND slot_start < \(to.timeIntervalSince1970)
            AND status IN (\(Appointment.Status.booked.rawValue), \(Appointment.Status.checkedIn.rawValue)) GROUP BY slot_start
            """) { try $0.decode((Double, Int).self) }
        return Dictionary(rows.map { (Date(timeIntervalSince1970: $0.0), $0.1) }, uniquingKeysWith: +)
    }

    public func checkIn(appointmentID: String, dayStart: Date,
                        _ make: @escaping @Sendable (_ appointment: Appointment, _ issuedSince: Int, _ active: [QueueTicket]) throws -> QueueTicket) async throws -> QueueTicket? {
        try await database.transaction { transaction in
            guard let appointment = try await transaction.query("""
                SELECT \(unescaped: AppointmentRow.columns) FROM appointments WHERE id = \(appointmentID) FOR UPDATE
                """).first.map(Self.appointment), appointment.status == .booked else { return nil }
            let (issued, active) = try await Self.issuing(hallID: appointment.hallID, service: appointment.service, since: dayStart, transaction)
            let ticket = try make(appointment, issued, active)
            try await Self.insert(ticket, transaction)
            try await transaction.query("""
                UPDATE appointments SET status = \(Appointment.Status.checkedIn.rawValue), ticket_id = \(ticket.id) WHERE id = \(appointmentID)
                """)
            return ticket
        }
    }

    public func cancelAppointment(id: String) async throws -> Bool {
        !(try await database.query("""
            UPDATE appointments SET status = \(Appointment.Status.cancelled.rawValue)
            WHERE id = \(id) AND status = \(Appointment.Status.booked.rawValue) RETURNING id
            """)).isEmpty
    }

    public func markMissedAppointments(endedBefore cutoff: Date) async throws -> Int {
        try await database.query("""
            UPDATE appointments SET status = \(Appointment.Status.noShow.rawValue)
            WHERE status = \(Appointment.Status.booked.rawValue) AND slot_end < \(cutoff.timeIntervalSince1970) RETURNING id
            """).count
    }

    /// The holders of the hall's booked appointments.
    static func bookedHolders(hallID: String, _ transaction: PostgresDatabase.Transaction) async throws -> Set<String> {
        Set(try await transaction.query("""
            SELECT customer_sha256 FROM appointments WHERE hall_id = \(hallID) AND status = \(Appointment.Status.booked.rawValue)
            """).map { try $0.decode(String.self) })
    }

    private static func appointment(_ row: PostgresRow) throws -> Appointment {
        let (id, hall, service, start, end, status, bookedAt, holder, key, ticket) =
            try row.decode((String, String, String, Double, Double, String, Double, String, String, String?).self)
        return try AppointmentRow.appointment(id: id, hallID: hall, service: service, start: start, end: end, status: status, bookedAt: bookedAt,
                                              holderDigest: holder, keyDigest: key, ticketID: ticket)
    }
}
