import Foundation
import HTTPTypes
import Hummingbird
import PayCircleCore
import PayCircleEngine
import PayCircleNetwork
import PayCircleStore

/// Remote queue tickets: `POST /v1/halls/{id}/tickets` (`{"service": "cash", "customer": …, "lat": …, "lon": …}`)
/// takes a place in a hall's queue and answers the ticket number, the place in line, the estimated call
/// time with its band, from the given place when to leave, and once its `ticket_key`;
/// `GET /v1/tickets/{id}[?lat&lon]` tracks it, `GET /v1/tickets/{id}/events` pushes its changes
/// (``TicketEvents``), and `DELETE /v1/tickets/{id}` with that key in the
/// `Ticket-Key` header cancels it. Tickets are kept in the store, so they survive a restart.
struct TicketRoutes<Context: GuardedRequestContext>: Sendable {
    let engine: PayCircleEngine

    /// Tracking among `reads`; taking and cancelling among `writes`.
    func add(reads: some RouterMethods<Context>, writes: some RouterMethods<Context>) {
        writes.post("/v1/halls/:id/tickets") { request, context in try await issue(request, hallID: try PathParameters.id(context)) }
        reads.get("/v1/tickets/:id") { request, context in try await show(request, id: try PathParameters.id(context)) }
        reads.get("/v1/tickets/:id/events") { _, context in try await TicketEvents(engine: engine).response(id: try PathParameters.id(context)) }
        writes.delete("/v1/tickets/:id") { request, context in
            try await cancel(id: try PathParameters.id(context), key: request.headers[.ticketKey])
        }
    }

    func issue(_ request: Request, hallID: String) async throws -> Response {
        _ = try engine.hall(hallID, for: .tickets)
        let body = try await RequestBody.decode(TicketBody.self, from: request)
        let issued = try await engine.issueTicket(hallID: hallID, service: body.service, customer: body.customer, from: body.place)
        return JSONResponse.make(TicketJSON(ticket: issued.ticket, place: issued.place, walkSeconds: issued.walkSeconds,
                                            now: issued.ticket.issuedAt, key: issued.key),
                                 status: .created)
    }

    func show(_ request: Request, id: String) async throws -> Response {
        let ticket = try await engine.ticket(id: id)
        let parameters = request.queryParameters
        let from: Coordinate?
        do { from = try TicketBody.place(lat: parameters.string("lat"), lon: parameters.string("lon")) } catch { throw APIError.badRequest(error) }
        return JSONResponse.make(TicketJSON(ticket: ticket, place: try await engine.place(of: ticket),
                                            walkSeconds: try engine.walkSeconds(from: from, toHallOf: ticket), now: engine.clock.now))
    }

    func cancel(id: String, key: String?) async throws -> Response {
        try await engine.cancelTicket(id: id, key: key)
        return Response(status: .noContent)
    }
}

extension HTTPField.Name {
    /// The header that carries a ticket's key to cancel it.
    static let ticketKey = HTTPField.Name("Ticket-Key")!
}
