import Foundation
import Hummingbird
import PayCircleCore
import PayCircleNetwork
import PayCircleStore

/// Remote queue tickets: `POST /v1/halls/{id}/tickets` (`{"service": "cash", "lat": …, "lon": …}`) takes a
/// place in a hall's queue and answers the ticket number, the place in line, the estimated call time with
/// its band and, from the given place, when to leave; `GET /v1/tickets/{id}[?lat&lon]` tracks it and
/// `DELETE /v1/tickets/{id}` cancels it. Tickets are kept in the store, so they survive a restart.
struct TicketRoutes<Context: GuardedRequestContext>: Sendable {
    let registry: PointRegistry
    let graph: WalkingGraph?
    let queues: QueueBoard
    let waits: WaitModel

    /// Tracking among `reads`; taking and cancelling among `writes`.
    func add(reads: some RouterMethods<Context>, writes: some RouterMethods<Context>) {
        writes.post("/v1/halls/:id/tickets") { request, context in try await issue(request, hallID: try WriteAccess.pathID(context)) }
        reads.get("/v1/tickets/:id") { request, context in try await show(request, id: try WriteAccess.pathID(context)) }
        writes.delete("/v1/tickets/:id") { _, context in try await cancel(id: try WriteAccess.pathID(context)) }
    }

    func issue(_ request: Request, hallID: String) async throws -> Response {
        guard let hall = registry.point(id: hallID) else { throw APIError.notFound("no payment point with id '\(hallID)'") }
        guard hall.kind == .hall || hall.kind == .bankBranch else {
            throw APIError.badRequest(InputError("'\(hallID)' is a \(hall.kind.rawValue): tickets are for halls and bank branches", field: "id"))
        }
        let body = try await WriteAccess.body(request)
        let service: PaymentService, from: Coordinate?
        do {
            guard let name = body["service"] as? String, let parsed = PaymentService(rawValue: name) else {
                throw InputError("expected one of \(PaymentService.allCases.map(\.rawValue).joined(separator: ", "))", field: "service")
            }
            service = parsed
            from = try Self.place(lat: body["lat"], lon: body["lon"])
        } catch let error as InputError {
            throw APIError.badRequest(error)
        }
        let now = Date()
        guard let report = queues.report(for: hall.id), waits.estimate(for: hall, report: report, at: now, walkSeconds: 0, service: service).source == .queue,
              let queue = report.services[service] else {
            throw APIError(status: .conflict, code: "no_queue",
                           message: "'\(hall.id)' has no fresh queue report for \(service.rawValue): a ticket's call time cannot be estimated", field: "service")
        }
        // Every check comes before the ticket is stored: a place the network cannot reach is refused first.
        let walkSeconds = try walk(from: from, to: hall)
        let ticket = try await registry.store.issueTicket(hallID: hall.id, service: service) { sequence, waiting in
            QueueTicket(id: QueueTicketRow.newID(), hallID: hall.id, service: service, number: QueueTicket.number(service: service, sequence: sequence),
                        issuedAt: now, ahead: queue.waiting + waiting.count, rate: Double(queue.openCounters) / queue.handlingSeconds)
        }
        return JSONResponse.make(TicketJSON(ticket: ticket, walkSeconds: walkSeconds, now: now), status: .created)
    }

    func show(_ request: Request, id: String) async throws -> Response {
        guard let ticket = try await registry.store.ticket(id: id) else { throw APIError.notFound("no ticket with id '\(id)'") }
        let parameters = request.queryParameters
        let from: Coordinate?
        do { from = try Self.place(lat: parameters.string("lat"), lon: parameters.string("lon")) } catch { throw APIError.badRequest(error) }
        let hall = registry.point(id: ticket.hallID)
        return JSONResponse.make(TicketJSON(ticket: ticket, walkSeconds: try hall.flatMap { try walk(from: from, to: $0) }, now: Date()))
    }

    func cancel(id: String) async throws -> Response {
        guard try await registry.store.cancelTicket(id: id) else { throw APIError.notFound("no waiting ticket with id '\(id)'") }
        return Response(status: .noContent)
    }

    /// The walking seconds from `from` to `hall`, when a place and a network are given.
    private func walk(from: Coordinate?, to hall: PaymentPoint) throws -> Double? {
        guard let from, let graph else { return nil }
        do { return try graph.route(from: from, to: hall.location).duration } catch { throw APIError.network(error) }
    }

    /// A WGS-84 place from `lat` and `lon` given together (numbers or numeric strings), or nil when neither is.
    static func place(lat: Any?, lon: Any?) throws(InputError) -> Coordinate? {
        guard lat != nil || lon != nil else { return nil }
        func number(_ value: Any?, _ field: String, _ limit: Double) throws(InputError) -> Double {
            let parsed = (value as? String).flatMap(Double.init) ?? (WriteAccess.isBoolean(value) ? nil : value as? Double)
            guard let parsed, parsed.isFinite, abs(parsed) <= limit else { throw InputError("expected a number from -\(Int(limit)) to \(Int(limit))", field: field) }
            return parsed
        }
        return Coordinate(latitude: try number(lat, "lat", 90), longitude: try number(lon, "lon", 180))
    }
}
