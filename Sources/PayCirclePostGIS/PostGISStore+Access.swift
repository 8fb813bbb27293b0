import Foundation
import PayCircleCore
import PayCircleStore
import PostgresNIO

extension PostGISStore {
    public func createToken(name: String, role: AccessRole, points: Set<String>?) throws -> (token: AccessToken, secret: String) {
        let secret = TokenSecret.generate()
        let token = AccessToken(id: TokenSecret.newID(), name: name, role: role, points: points, createdAt: Date())
        try session.query("""
            INSERT INTO access_tokens (id, name, role, points, secret_sha256, created_at)
            VALUES (\(token.id), \(name), \(role.rawValue), \(AccessToken.storedScope(points)), \(TokenSecret.digest(secret)), \(Timestamp.utcString(token.createdAt)))
            """)
        return (token, secret)
    }

    public func revokeToken(id: String) throws -> Bool {
        !(try session.query("UPDATE access_tokens SET revoked_at = \(Timestamp.utcString(Date())) WHERE id = \(id) AND revoked_at IS NULL RETURNING id")).isEmpty
    }

    public func accessTokens() throws -> [AccessToken] {
        try session.query("SELECT id, name, role, created_at, revoked_at, points FROM access_tokens ORDER BY created_at COLLATE \"C\", id COLLATE \"C\"").map { row in
            let (id, name, role, createdAt, revokedAt, points) = try row.decode((String, String, String, String, String?, String?).self)
            return AccessToken(id: id, name: name, role: AccessRole(rawValue: role) ?? .operator, points: AccessToken.scope(fromStored: points),
                               createdAt: PointRecord.parseTimestamp(createdAt) ?? Date(timeIntervalSince1970: 0),
                               revokedAt: revokedAt.flatMap(PointRecord.parseTimestamp))
        }
    }

    public func authenticate(secret: String) throws -> AccessToken? {
        let digest = TokenSecret.digest(secret)
        var found: AccessToken?
        // Every live token is compared in full, so the time taken tells nothing about the secret.
        for row in try session.query("SELECT id, name, role, created_at, secret_sha256, points FROM access_tokens WHERE revoked_at IS NULL") {
            let (id, name, role, createdAt, stored, points) = try row.decode((String, String, String, String, String, String?).self)
            if TokenSecret.constantTimeEqual(stored, digest), let role = AccessRole(rawValue: role) {
                found = AccessToken(id: id, name: name, role: role, points: AccessToken.scope(fromStored: points), createdAt: PointRecord.parseTimestamp(createdAt) ?? Date(timeIntervalSince1970: 0))
            }
        }
        return found
    }

    public func auditLog(limit: Int) throws -> [AuditEntry] {
        try session.query("SELECT at, actor, action, target, detail FROM audit_log ORDER BY seq DESC LIMIT \(limit)").map { row in
            let (at, actor, action, target, detail) = try row.decode((String, String, String, String, String).self)
            return AuditEntry(at: PointRecord.parseTimestamp(at) ?? Date(timeIntervalSince1970: 0), actor: actor, action: action, target: target, detail: detail)
        }
    }
}
