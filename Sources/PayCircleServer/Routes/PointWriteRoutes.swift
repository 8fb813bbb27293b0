import Foundation
import Hummingbird
import PayCircleCore
import PayCircleEngine
import PayCircleStore

/// Writes, each needing `Authorization: Bearer <token>`: `POST /v1/points` (a new point, 201; 409 when the
/// id exists), `PUT /v1/points/{id}` (create or replace), `DELETE /v1/points/{id}` (204) for admins, and
/// `PUT /v1/points/{id}/status` (`{"status": "offline"}`) for operators too. Bodies are JSON objects with
/// the fields of `import points` (``PointBody``), at most ``RequestBody/maxBytes``. Every write goes to the audit log in its own
/// transaction, and the index answers with it at once.
struct PointWriteRoutes<Context: GuardedRequestContext>: Sendable {
    let engine: PayCircleEngine

    func add(to router: some RouterMethods<Context>) {
        router.post("/v1/points") { request, context in try await create(request, context) }
        router.put("/v1/points/:id") { request, context in try await replace(request, context, id: try PathParameters.id(context)) }
        router.delete("/v1/points/:id") { _, context in try await delete(context, id: try PathParameters.id(context)) }
        router.put("/v1/points/:id/status") { request, context in try await setStatus(request, context, id: try PathParameters.id(context)) }
    }

    private func point(from body: PointBody, id: String? = nil) throws -> PaymentPoint {
        do {
            var record = body.record
            if let id {
                if let given = record.fields["id"], given != id { throw InputError("'\(given)' differs from the id in the path '\(id)'", field: "id") }
                record.fields["id"] = id
            }
            return try record.point(now: engine.clock.now)
        } catch let error as InputError {
            throw APIError.badRequest(error)
        }
    }

    func create(_ request: Request, _ context: Context) async throws -> Response {
        let token = try engine.authorize(context.credentials, for: .editPoints)
        let point = try point(from: try await RequestBody.decode(PointBody.self, from: request))
        try await engine.createPoint(point, by: token)
        return JSONResponse.make(PointJSON(point), status: .created)
    }

    func replace(_ request: Request, _ context: Context, id: String) async throws -> Response {
        let token = try engine.authorize(context.credentials, for: .editPoints)
        let point = try point(from: try await RequestBody.decode(PointBody.self, from: request), id: id)
        let existed = try await engine.replacePoint(point, by: token)
        return JSONResponse.make(PointJSON(point), status: existed ? .ok : .created)
    }

    func delete(_ context: Context, id: String) async throws -> Response {
        let token = try engine.authorize(context.credentials, for: .editPoints)
        try await engine.deletePoint(id: id, by: token)
        return Response(status: .noContent)
    }

    func setStatus(_ request: Request, _ context: Context, id: String) async throws -> Response {
        let token = try engine.authorize(context.credentials, for: .reportState(pointID: id))
        let body = try await RequestBody.decode(StatusBody.self, from: request)
        return JSONResponse.make(PointJSON(try await engine.setStatus(of: id, to: body.status, by: token)))
    }
}
