import Foundation
import PayCircleCore
import PayCircleStore
import PostgresNIO

extension PostGISStore {
    public func insertToken(_ token: AccessToken, secretDigest: String) async throws {
        try await database.query("""
            INSERT INTO access_tokens (id, name, role, points, secret_sha256, created_at)
            VALUES (\(token.id), \(token.name), \(token.role.rawValue), \(AccessToken.storedScope(token.points)), \(secretDigest),
                    \(Timestamp.utcString(token.createdAt)))
            """)
    }

    public func revokeToken(id: String, at now: Date) async throws -> Bool {
        !(try await database.query("UPDATE access_tokens SET revoked_at = \(Timestamp.utcString(now)) WHERE id = \(id) AND revoked_at IS NULL RETURNING id")).isEmpty
    }

    public func accessTokens() async throws -> [AccessToken] {
        try await database.map("SELECT \(unescaped: AccessTokenRow.columns) FROM access_tokens ORDER BY created_at COLLATE \"C\", id COLLATE \"C\"", Self.token)
    }

    public func liveToken(secretDigest: String) async throws -> AccessToken? {
        try await database.map("SELECT \(unescaped: AccessTokenRow.columns) FROM access_tokens WHERE secret_sha256 = \(secretDigest) AND revoked_at IS NULL",
                               Self.token).first
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await database.map("SELECT at, actor, action, target, detail FROM audit_log ORDER BY seq DESC LIMIT \(limit)") { row in
            let (at, actor, action, target, detail) = try row.decode((String, String, String, String, String).self)
            return AuditEntry(at: PointRecord.parseTimestamp(at) ?? Date(timeIntervalSince1970: 0), actor: actor, action: action, target: target, detail: detail)
        }
    }

    private static func token(_ row: PostgresRow) throws -> AccessToken {
        let (id, name, role, points, createdAt, revokedAt) = try row.decode((String, String, String, String?, String, String?).self)
        return AccessTokenRow.token(id: id, name: name, role: role, points: points, createdAt: createdAt, revokedAt: revokedAt)
    }
}
