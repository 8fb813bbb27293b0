import Foundation
import PayCircleCore
import PayCircleStore

extension PayCircleEngine {
    /// Adds a new point (conflict when the id exists), audited as `token`'s.
    public func createPoint(_ point: PaymentPoint, by token: AccessToken) async throws {
        guard registry.point(id: point.id) == nil else {
            throw EngineError(.conflict, code: "exists", "a point with id '\(point.id)' exists; PUT /v1/points/{id} replaces it", field: "id")
        }
        try await write(point, by: token, action: "create")
    }

    /// Creates or replaces a point; true when it replaced one.
    @discardableResult
    public func replacePoint(_ point: PaymentPoint, by token: AccessToken) async throws -> Bool {
        let existed = registry.point(id: point.id) != nil
        try await write(point, by: token, action: existed ? "replace" : "create")
        return existed
    }

    public func deletePoint(id: String, by token: AccessToken) async throws {
        guard registry.point(id: id) != nil else { throw EngineError.notFound("no payment point with id '\(id)'") }
        try await registry.apply(PointChange(deletions: [id], audit: AuditEntry(at: clock.now, actor: token.id, action: "delete", target: id, detail: "")))
    }

    /// Sets a point's status, dated now; answers the point as written.
    public func setStatus(of id: String, to status: PointStatus, by token: AccessToken) async throws -> PaymentPoint {
        guard var point = registry.point(id: id) else { throw EngineError.notFound("no payment point with id '\(id)'") }
        point.status = status
        point.updatedAt = clock.now
        try await write(point, by: token, action: "status")
        return point
    }

    private func write(_ point: PaymentPoint, by token: AccessToken, action: String) async throws {
        let detail = String(decoding: PointJSON(point).jsonBytes, as: UTF8.self)
        try await registry.apply(PointChange(upserts: [point], audit: AuditEntry(at: clock.now, actor: token.id, action: action, target: point.id, detail: detail)))
    }
}
