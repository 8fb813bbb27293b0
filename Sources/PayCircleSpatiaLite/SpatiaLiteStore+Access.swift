import Foundation
import PayCircleCore
import PayCircleStore

extension SpatiaLiteStore {
    public func insertToken(_ token: AccessToken, secretDigest: String) async throws {
        try await pool.write { connection in
            try connection.prepare("INSERT INTO access_tokens (id, name, role, points, secret_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .run([.text(token.id), .text(token.name), .text(token.role.rawValue), AccessToken.storedScope(token.points).map { .text($0) } ?? .null,
                      .text(secretDigest), .text(Timestamp.utcString(token.createdAt))])
        }
    }

    public func revokeToken(id: String, at now: Date) async throws -> Bool {
        try await pool.write { connection in
            try connection.prepare("UPDATE access_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").run([.text(Timestamp.utcString(now)), .text(id)])
            return connection.changes > 0
        }
    }

    public func accessTokens() async throws -> [AccessToken] {
        try await pool.read { connection in
            let rows = try connection.prepare("SELECT \(AccessTokenRow.columns) FROM access_tokens ORDER BY created_at, id")
            var tokens: [AccessToken] = []
            while try rows.step() { tokens.append(Self.token(rows)) }
            return tokens
        }
    }

    public func liveToken(secretDigest: String) async throws -> AccessToken? {
        try await pool.read { connection in
            let rows = try connection.prepare("SELECT \(AccessTokenRow.columns) FROM access_tokens WHERE secret_sha256 = ? AND revoked_at IS NULL")
            rows.bind([.text(secretDigest)])
            return try rows.step() ? Self.token(rows) : nil
        }
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await pool.read { connection in
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

    private static func token(_ row: SQLiteStatement) -> AccessToken {
        AccessTokenRow.token(id: row.text(0) ?? "", name: row.text(1) ?? "", role: row.text(2) ?? "", points: row.text(3),
                             createdAt: row.text(4) ?? "", revokedAt: row.text(5))
    }
}
