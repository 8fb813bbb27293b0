import Foundation
import PayCircleCore
import PayCircleStore

extension PayCircleEngine {
    /// Sets how `hallID` takes appointments (admins, or operators scoped to the hall).
    public func setAppointmentSettings(_ settings: AppointmentSettings, by credentials: Credentials) async throws {
        _ = try authorize(credentials, for: .reportState(pointID: settings.hallID))
        _ = try hall(settings.hallID, for: .tickets)
        guard AppointmentSettings.slotRange.contains(settings.slotMinutes), 1_440 % settings.slotMinutes == 0 else {
            throw EngineError.invalid(InputError("expected minutes from \(AppointmentSettings.slotRange.lowerBound) to \(AppointmentSettings.slotRange.upperBound) that divide a day (e.g. 15, 30, 60)", field: "slot_minutes"))
        }
        if let (service, _) = settings.capacity.first(where: { !AppointmentSettings.capacityRange.contains($0.value) }) {
            throw EngineError.invalid(InputError("expected a whole number from 0 to \(AppointmentSettings.capacityRange.upperBound)", field: "capacity.\(service.rawValue)"))
        }
        try await store.setAppointmentSettings(settings)
    }

    /// The slots of a hall's service on its local day `date` (today when nil), with what is booked.
    public func slots(hallID: String, service: PaymentService, date: String?) async throws -> [AppointmentSlot] {
        let hall = try hall(hallID, for: .tickets)
        let settings = try await appointmentSettings(for: hall, service: service)
        let day = date ?? hall.localDay(of: clock.now)
        guard let slots = settings.slots(on: day, of: hall) else {
            throw EngineError.invalid(InputError("expected a date such as 2026-12-01", field: "date"))
        }
        guard let first = slots.first, let last = slots.last else { return [] }
        let booked = try await store.bookedCounts(hallID: hall.id, service: service, from: first.start, to: last.end)
        let forecast = settings.fitToForecast ? try await self.forecast(hallID: hall.id, service: service) : nil
        return slots.map {
            AppointmentSlot(start: $0.start, end: $0.end, capacity: settings.capacity(of: service, from: $0.start, to: $0.end, forecast: forecast),
                            booked: booked[$0.start] ?? 0)
        }
    }

    /// Books the slot of `service` starting at `start` for `customer`: refused when the slot is not one
    /// of the hall's (400), has begun (409 `slot_past`), is full (409 `slot_full`), or the customer holds
    /// a ticket or appointment there (409 `already_holding`). Answers the appointment and its key, shown once.
    public func bookAppointment(hallID: String, service: PaymentService, start: Date, customer: String) async throws -> (appointment: Appointment, key: String) {
        let hall = try hall(hallID, for: .tickets)
        let settings = try await appointmentSettings(for: hall, service: service)
        guard let slot = settings.slots(on: hall.localDay(of: start), of: hall)?.first(where: { $0.start == start }) else {
            throw EngineError.invalid(InputError("is not the start of one of the hall's \(settings.slotMinutes)-minute slots (see GET /v1/halls/\(hall.id)/slots)", field: "start"))
        }
        let now = clock.now
        guard slot.start > now else {
            throw EngineError(.conflict, code: "slot_past", "the slot starting \(hall.localTimestamp(slot.start)) has begun", field: "start")
        }
        let forecast = settings.fitToForecast ? try await self.forecast(hallID: hall.id, service: service) : nil
        let capacity = settings.capacity(of: service, from: slot.start, to: slot.end, forecast: forecast)
        let key = TicketKey.generate()
        let holder = TicketKey.digest(customer: customer)
        let appointment = try await store.bookAppointment(hallID: hall.id, service: service, start: slot.start) { booked, holders in
            guard booked < capacity else {
                let reason = capacity < (settings.capacity[service] ?? 0) ? ", all the hall expects to have spare beside its usual walk-ins" : ""
                throw EngineError(.conflict, code: "slot_full", "the slot starting \(hall.localTimestamp(slot.start)) is full (\(capacity) booked\(reason))", field: "start")
            }
            if holders.contains(holder) {
                throw EngineError(.conflict, code: "already_holding", "this customer already holds a ticket or appointment at '\(hall.id)'", field: "customer")
            }
            return Appointment(id: AppointmentRow.newID(), hallID: hall.id, service: service, start: slot.start, end: slot.end, bookedAt: now,
                               holderDigest: holder, keyDigest: TicketKey.digest(key: key))
        }
        return (appointment, key)
    }

    public func appointment(id: String) async throws -> Appointment {
        guard let appointment = try await store.appointment(id: id) else { throw EngineError.notFound("no appointment with id '\(id)'") }
        return appointment
    }

    /// Cancels a booked appointment for the holder of its key (403 `wrong_appointment_key`), freeing its place
    /// in the slot; 404 when it is not booked.
    public func cancelAppointment(id: String, key: String?) async throws {
        let appointment = try await self.appointment(id: id)
        try Self.checkKey(key, of: appointment)
        guard try await store.cancelAppointment(id: id) else {
            throw EngineError.notFound("appointment '\(id)' is \(appointment.status.rawValue), not booked")
        }
    }

    /// Turns a booked appointment into a ticket called before walk-ins, for the holder of its key, from
    /// 15 minutes before its slot to its end: behind only the checked-in appointments still waiting for
    /// the service. 403 `wrong_appointment_key`; 409 `not_booked` or `outside_check_in`.
    public func checkIn(appointmentID: String, key: String?) async throws -> QueueTicket {
        let appointment = try await self.appointment(id: appointmentID)
        try Self.checkKey(key, of: appointment)
        let hall = try hall(appointment.hallID, for: .tickets)
        guard appointment.status == .booked else {
            throw EngineError(.conflict, code: "not_booked", "appointment '\(appointment.id)' is \(appointment.status.rawValue)", field: "id")
        }
        let now = clock.now
        guard appointment.checkInWindow.contains(now) else {
            throw EngineError(.conflict, code: "outside_check_in", "check-in is open from \(hall.localTimestamp(appointment.checkInWindow.lowerBound)) to \(hall.localTimestamp(appointment.end))", field: "id")
        }
        let report = queues.report(for: hall.id)
        let queue = report?.services[appointment.service]
        // Counted at the hall's rate when it reports one, else at the wait assumed for a hall without reports.
        let rate = queue.map(\.rate).flatMap { $0 > 0 ? $0 : nil } ?? 1 / max(1, waits.unknownQueueSeconds)
        var counted = queue?.servedToday
        if let report, let reported = counted {
            counted = reported + (try await store.calls(hallID: hall.id, service: appointment.service, after: report.reportedAt)).count
        }
        let served = counted
        guard let ticket = try await store.checkIn(appointmentID: appointment.id, dayStart: Self.startOfDay(at: now, in: hall), { booked, issuedToday, active in
            let ahead = active.filter { $0.service == booked.service && $0.status == .waiting && $0.appointmentID != nil }.count
            return QueueTicket(id: QueueTicketRow.newID(), hallID: booked.hallID, service: booked.service,
                               number: QueueTicket.number(service: booked.service, sequence: issuedToday + 1), issuedAt: now, ahead: ahead, rate: rate,
                               holderDigest: booked.holderDigest, keyDigest: booked.keyDigest, departure: served.map { $0 + ahead + 1 },
                               appointmentID: booked.id)
        }) else {
            throw EngineError(.conflict, code: "not_booked", "appointment '\(appointment.id)' is no longer booked", field: "id")
        }
        queues.adjustRemote(hallID: hall.id, service: ticket.service, by: 1)
        signals.signal(hall.id)
        return ticket
    }

    /// 403 `wrong_appointment_key` unless `key` is the one given when `appointment` was booked.
    static func checkKey(_ key: String?, of appointment: Appointment) throws(EngineError) {
        guard let key, TicketKey.digest(key: key) == appointment.keyDigest else {
            throw EngineError(.forbidden, code: "wrong_appointment_key", key == nil ? "this needs the Appointment-Key header given when it was booked"
                                                                                   : "the Appointment-Key header does not match this appointment", field: "Appointment-Key")
        }
    }

    /// The hall's settings: 409 `no_appointments` when it takes none for `service`.
    private func appointmentSettings(for hall: PaymentPoint, service: PaymentService) async throws -> AppointmentSettings {
        guard let settings = try await store.appointmentSettings(hallID: hall.id), let capacity = settings.capacity[service], capacity > 0 else {
            throw EngineError(.conflict, code: "no_appointments", "'\(hall.id)' takes no appointments for \(service.rawValue)", field: "service")
        }
        return settings
    }
}
