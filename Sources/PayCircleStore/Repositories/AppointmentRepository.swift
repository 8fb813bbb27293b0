import Foundation
import PayCircleCore

/// Appointments and each hall's appointment settings.
public protocol AppointmentRepository: Sendable {
    func setAppointmentSettings(_ settings: AppointmentSettings) async throws
    func appointmentSettings(hallID: String) async throws -> AppointmentSettings?
    /// Books in one transaction, one writer per hall at a time (the same as for tickets): `make` gets how
    /// many booked or checked-in appointments the slot of `service` starting at `start` has, and the
    /// holders (digests) of the hall's active tickets and booked appointments, and returns the
    /// appointment to store (the limits are the caller's rules).
    func bookAppointment(hallID: String, service: PaymentService, start: Date,
                         _ make: @escaping @Sendable (_ bookedInSlot: Int, _ holders: Set<String>) throws -> Appointment) async throws -> Appointment
    func appointment(id: String) async throws -> Appointment?
    /// Booked and checked-in appointments per slot start of a hall's service, for slots starting in `from..<to`.
    func bookedCounts(hallID: String, service: PaymentService, from: Date, to: Date) async throws -> [Date: Int]
    /// Checks a booked appointment in, in one transaction with the hall's ticket issuing: `make` gets how
    /// many tickets the hall has issued for the service since `dayStart` and its active tickets (every
    /// service, oldest first) and returns the ticket; the appointment becomes checked in, pointing at it.
    /// Nil when the appointment is not booked.
    func checkIn(appointmentID: String, dayStart: Date,
                 _ make: @escaping @Sendable (_ appointment: Appointment, _ issuedSince: Int, _ active: [QueueTicket]) throws -> QueueTicket) async throws -> QueueTicket?
    /// Marks a booked appointment cancelled; false when there is no such booked appointment.
    func cancelAppointment(id: String) async throws -> Bool
    /// Marks booked appointments whose slot ended before `cutoff` no-shows; answers how many.
    func markMissedAppointments(endedBefore cutoff: Date) async throws -> Int
}
