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
            let rows = try connection.prepare("SELECT \(TokenColumn.list) FROM access_tokens ORDER BY created_at, id")
            var tokens: [AccessToken] = []
            while try rows.step() { tokens.append(Self.token(rows)) }
            return tokens
        }
    }

    public func liveToken(secretDigest: String) async throws -> AccessToken? {
        try await pool.read { connection in
            let rows = try connection.prepare("SELECT \(TokenColumn.list) FROM access_tokens WHERE secret_sha256 = ? AND revoked_at IS NULL")
            rows.bind([.text(secretDigest)])
            return try rows.step() ? Self.token(rows) : nil
        }
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await pool.read { connection in
            let rows = try connection.prepare("SELECT \(AuditColumn.list) FROM audit_log ORDER BY seq DESC LIMIT ?")
            rows.bind([.integer(Int64(limit))])
            var entries: [AuditEntry] = []
            while try rows.step() {
                entries.append(AuditEntry(at: rows.text(AuditColumn.at).flatMap(PointRecord.parseTimestamp) ?? Date(timeIntervalSince1970: 0),
                                          actor: rows.text(AuditColumn.actor) ?? "", action: rows.text(AuditColumn.action) ?? "",
                                          target: rows.text(AuditColumn.target) ?? "", detail: rows.text(AuditColumn.detail) ?? ""))
            }
            return entries
        }
    }

    private static func token(_ row: SQLiteStatement) -> AccessToken {
        AccessTokenRow.token(id: row.text(TokenColumn.id) ?? "", name: row.text(TokenColumn.name) ?? "", role: row.text(TokenColumn.role) ?? "",
                             points: row.text(TokenColumn.points), createdAt: row.text(TokenColumn.createdAt) ?? "", revokedAt: row.text(TokenColumn.revokedAt))
    }

    /// The columns a token is read from, in SELECT order.
    private enum TokenColumn: Int32, SelectedColumn {
        case id, name, role, points, createdAt, revokedAt

        var sql: String {
            switch self {
            case .createdAt: "created_at"
            case .revokedAt: "revoked_at"
            default: "\(self)"
            }
        }
    }

    /// The columns an audit entry is read from, in SELECT order.
    private enum AuditColumn: Int32, SelectedColumn {
        case at, actor, action, target, detail

        var sql: String { "\(self)" }
    }
}
