import Foundation
import PayCircleCore

extension SpatiaLiteStore {
    public func createToken(name: String, role: AccessRole, points: Set<String>?) throws -> (token: AccessToken, secret: String) {
        let secret = TokenSecret.generate()
        let token = AccessToken(id: TokenSecret.newID(), name: name, role: role, points: points, createdAt: Date())
        try pool.write { connection in
            try connection.prepare("INSERT INTO access_tokens (id, name, role, points, secret_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .run([.text(token.id), .text(name), .text(role.rawValue), AccessToken.storedScope(points).map { .text($0) } ?? .null,
                      .text(TokenSecret.digest(secret)), .text(Timestamp.utcString(token.createdAt))])
        }
        return (token, secret)
    }

    public func revokeToken(id: String) throws -> Bool {
        try pool.write { connection in
            try connection.prepare("UPDATE access_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").run([.text(Timestamp.utcString(Date())), .text(id)])
            return connection.changes > 0
        }
    }

    public func accessTokens() throws -> [AccessToken] {
        try pool.read { connection in
            let rows = try connection.prepare("SELECT id, name, role, created_at, revoked_at, points FROM access_tokens ORDER BY created_at, id")
            var tokens: [AccessToken] = []
            while try rows.step() {
                tokens.append(AccessToken(id: rows.text(0) ?? "", name: rows.text(1) ?? "", role: AccessRole(rawValue: rows.text(2) ?? "") ?? .operator,
                                          points: AccessToken.scope(fromStored: rows.text(5)), createdAt: rows.text(3).flatMap(PointRecord.parseTimestamp) ?? Date(timeIntervalSince1970: 0),
                                          revokedAt: rows.text(4).flatMap(PointRecord.parseTimestamp)))
            }
            return tokens
        }
    }

    public func authenticate(secret: String) throws -> AccessToken? {
        let digest = TokenSecret.digest(secret)
        return try pool.read { connection in
            let rows = try connection.prepare("SELECT id, name, role, created_at, secret_sha256, points FROM access_tokens WHERE revoked_at IS NULL")
            var found: AccessToken?
            // Every live token is compared in full, so the time taken tells nothing about the secret.
            while try rows.step() {
                if TokenSecret.constantTimeEqual(rows.text(4) ?? "", digest), let role = AccessRole(rawValue: rows.text(2) ?? "") {
                    found = AccessToken(id: rows.text(0) ?? "", name: rows.text(1) ?? "", role: role, points: AccessToken.scope(fromStored: rows.text(5)),
                                        createdAt: rows.text(3).flatMap(PointRecord.parseTimestamp) ?? Date(timeIntervalSince1970: 0))
                }
            }
            return found
        }
    }

    public func auditLog(limit: Int) throws -> [AuditEntry] {
        try pool.read { connection in
            let rows = try connection.prepare("SELECT at, actor, action, target, detail FROM audit_log ORDER BY seq DESC LIMIT ?")
            rows.bind([.integer(Int64(limit))])
            var entries: [AuditEntry] = []
            while try rows.step() {
                entries.append(AuditEntry(at: rows.text(0).flatMap(PointRecord.parseTimestamp) ?? Date(timeIntervalSince1970: 0),
                                          actor: rows.text(1) ?? "", action: rows.text(2) ?? "", target: rows.text(3) ?? "", detail: rows.text(4) ?? ""))
            }
            return entries
        }
    }
}
