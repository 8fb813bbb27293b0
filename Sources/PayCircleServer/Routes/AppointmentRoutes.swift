import Foundation
import HTTPTypes
import Hummingbird
import PayCircleCore
import PayCircleEngine
import PayCircleStore

/// Appointments (预约), which shave a hall's peak: the hall sets its slots (`PUT
/// /v1/halls/{id}/appointment-settings`, admin or the hall's operator), customers list them (`GET
/// /v1/halls/{id}/slots?service&date`), book one (`POST /v1/halls/{id}/appointments`, answering an
/// `appointment_key` once), look it up (`GET /v1/appointments/{id}`), cancel it with the key (`DELETE
/// /v1/appointments/{id}`) and check in with the key from 15
/// minutes before the slot to its end (`POST /v1/appointments/{id}/check-in`, `Appointment-Key` header),
/// which answers a ticket called before walk-ins. Bookings not checked in by the slot's end become no-shows.
struct AppointmentRoutes<Context: GuardedRequestContext>: Sendable {
    let engine: PayCircleEngine

    /// Listing among `reads`; booking and checking in among `tickets`; settings among `writes`.
    func add(reads: some RouterMethods<Context>, tickets: some RouterMethods<Context>, writes: some RouterMethods<Context>) {
        writes.put("/v1/halls/:id/appointment-settings") { request, context in try await settings(request, context, hallID: try PathParameters.id(context)) }
        reads.get("/v1/halls/:id/slots") { request, context in try await slots(request, hallID: try PathParameters.id(context)) }
        tickets.post("/v1/halls/:id/appointments") { request, context in try await book(request, hallID: try PathParameters.id(context)) }
        reads.get("/v1/appointments/:id") { _, context in
            JSONResponse.make(AppointmentJSON(appointment: try await engine.appointment(id: try PathParameters.id(context))))
        }
        tickets.delete("/v1/appointments/:id") { request, context in
            try await engine.cancelAppointment(id: try PathParameters.id(context), key: request.headers[.appointmentKey])
            return Response(status: .noContent)
        }
        tickets.post("/v1/appointments/:id/check-in") { request, context in
            let ticket = try await engine.checkIn(appointmentID: try PathParameters.id(context), key: request.headers[.appointmentKey])
            return JSONResponse.make(TicketJSON(ticket: ticket, place: ticket.issuedPlace, walkSeconds: nil, now: engine.clock.now), status: .created)
        }
    }

    func settings(_ request: Request, _ context: Context, hallID: String) async throws -> Response {
        _ = try engine.authorize(context.credentials, for: .reportState(pointID: hallID))
        _ = try engine.hall(hallID, for: .tickets)
        let body = try await RequestBody.decode(AppointmentSettingsBody.self, from: request)
        try await engine.setAppointmentSettings(AppointmentSettings(hallID: hallID, slotMinutes: body.slotMinutes, capacity: body.capacity,
                                                                    fitToForecast: body.fitToForecast),
                                                by: context.credentials)
        return Response(status: .noContent)
    }

    func slots(_ request: Request, hallID: String) async throws -> Response {
        let hall = try engine.hall(hallID, for: .tickets)
        let parameters = request.queryParameters
        let expectation = "expected one of \(PaymentService.allCases.map(\.rawValue).joined(separator: ", "))"
        guard let name = parameters.string("service"), let service = PaymentService(rawValue: name) else {
            throw APIError.badRequest(InputError(expectation, field: "service"))
        }
        let date = parameters.string("date")
        let slots = try await engine.slots(hallID: hall.id, service: service, date: date)
        let forecast = try await engine.forecast(hallID: hall.id, service: service)
        return JSONResponse.make(SlotsJSON(hallID: hall.id, service: service, date: date ?? hall.localDay(of: engine.clock.now), slots: slots,
                                           forecast: forecast))
    }

    func book(_ request: Request, hallID: String) async throws -> Response {
        _ = try engine.hall(hallID, for: .tickets)
        let body = try await RequestBody.decode(AppointmentBody.self, from: request)
        let (appointment, key) = try await engine.bookAppointment(hallID: hallID, service: body.service, start: body.start, customer: body.customer)
        return JSONResponse.make(AppointmentJSON(appointment: appointment, key: key), status: .created)
    }
}

extension HTTPField.Name {
    /// The header that carries an appointment's key to check in.
    static let appointmentKey = HTTPField.Name("Appointment-Key")!
}
