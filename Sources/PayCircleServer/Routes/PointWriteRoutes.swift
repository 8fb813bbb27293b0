import Foundation
import Hummingbird
import PayCircleCore
import PayCircleStore

/// Writes, each needing `Authorization: Bearer <token>`: `POST /v1/points` (a new point, 201; 409 when the
/// id exists), `PUT /v1/points/{id}` (create or replace), `DELETE /v1/points/{id}` (204) for admins, and
/// `PUT /v1/points/{id}/status` (`{"status": "offline"}`) for operators too. Bodies are JSON objects with
/// the fields of `import points`, at most ``WriteAccess/maxBodyBytes``. Every write goes to the audit log in its own
/// transaction, and the index answers with it at once.
struct PointWriteRoutes<Context: GuardedRequestContext>: Sendable {
    let registry: PointRegistry

    func add(to router: some RouterMethods<Context>) {
        router.post("/v1/points") { request, context in try await create(request, context) }
        router.put("/v1/points/:id") { request, context in try await replace(request, context, id: try WriteAccess.pathID(context)) }
        router.delete("/v1/points/:id") { _, context in try await delete(context, id: try WriteAccess.pathID(context)) }
        router.put("/v1/points/:id/status") { request, context in try await setStatus(request, context, id: try WriteAccess.pathID(context)) }
    }

    private func point(from object: [String: Any], id: String? = nil) throws -> PaymentPoint {
        do {
            var record = try PointRecord(jsonObject: object)
            if let id {
                if let given = record.fields["id"], given != id { throw InputError("'\(given)' differs from the id in the path '\(id)'", field: "id") }
                record.fields["id"] = id
            }
            return try record.point()
        } catch let error as InputError {
            throw APIError.badRequest(error)
        }
    }

    private func write(_ point: PaymentPoint, by token: AccessToken, action: String) async throws {
        let detail = String(decoding: PointJSON(point).jsonBytes, as: UTF8.self)
        try await registry.apply(PointChange(upserts: [point], audit: AuditEntry(actor: token.id, action: action, target: point.id, detail: detail)))
    }

    func create(_ request: Request, _ context: Context) async throws -> Response {
        let token = try WriteAccess.token(context, for: .editPoints)
        let point = try point(from: try await WriteAccess.body(request))
        guard registry.point(id: point.id) == nil else {
            throw APIError(status: .conflict, code: "exists", message: "a point with id '\(point.id)' exists; PUT /v1/points/{id} replaces it", field: "id")
        }
        try await write(point, by: token, action: "create")
        return JSONResponse.make(PointJSON(point), status: .created)
    }

    func replace(_ request: Request, _ context: Context, id: String) async throws -> Response {
        let token = try WriteAccess.token(context, for: .editPoints)
        let point = try point(from: try await WriteAccess.body(request), id: id)
        let existed = registry.point(id: id) != nil
        try await write(point, by: token, action: existed ? "replace" : "create")
        return JSONResponse.make(PointJSON(point), status: existed ? .ok : .created)
    }

    func delete(_ context: Context, id: String) async throws -> Response {
        let token = try WriteAccess.token(context, for: .editPoints)
        guard registry.point(id: id) != nil else { throw APIError.notFound("no payment point with id '\(id)'") }
        try await registry.apply(PointChange(deletions: [id], audit: AuditEntry(actor: token.id, action: "delete", target: id, detail: "")))
        return Response(status: .noContent)
    }

    func setStatus(_ request: Request, _ context: Context, id: String) async throws -> Response {
        let token = try WriteAccess.token(context, for: .reportState(pointID: id))
        let object = try await WriteAccess.body(request)
        guard let text = object["status"] as? String, let status = PointStatus(rawValue: text) else {
            throw APIError.badRequest(InputError("expected one of \(PointStatus.allCases.map(\.rawValue).joined(separator: ", "))", field: "status"))
        }
        guard var point = registry.point(id: id) else { throw APIError.notFound("no payment point with id '\(id)'") }
        point.status = status
        point.updatedAt = Date()
        try await write(point, by: token, action: "status")
        return JSONResponse.make(PointJSON(point))
    }
}
