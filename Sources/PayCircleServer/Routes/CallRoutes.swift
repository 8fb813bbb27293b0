import Hummingbird
import PayCircleCore
import PayCircleEngine

/// The hall's queue machine calling remote tickets: `POST /v1/halls/{id}/calls` with
/// `{"service", "number"}` calls a waiting ticket (404 when that number is not waiting), and with
/// `"outcome": "served" | "no_show"` closes a called one. Admin tokens, or operator tokens scoped to the
/// hall. A called ticket not closed within `serve --no-show-after` becomes a no-show by itself.
struct CallRoutes<Context: GuardedRequestContext>: Sendable {
    let engine: PayCircleEngine

    func add(to router: some RouterMethods<Context>) {
        router.post("/v1/halls/:id/calls") { request, context in try await call(request, context, hallID: try PathParameters.id(context)) }
    }

    func call(_ request: Request, _ context: Context, hallID: String) async throws -> Response {
        _ = try engine.authorize(context.credentials, for: .reportState(pointID: hallID))
        _ = try engine.hall(hallID, for: .tickets)
        let body = try await RequestBody.decode(CallBody.self, from: request)
        let ticket = if let outcome = body.outcome {
            try await engine.closeTicket(hallID: hallID, service: body.service, number: body.number, outcome: outcome)
        } else {
            try await engine.callTicket(hallID: hallID, service: body.service, number: body.number)
        }
        return JSONResponse.make(TicketJSON(ticket: ticket, place: ticket.issuedPlace, walkSeconds: nil, now: engine.clock.now))
    }
}
