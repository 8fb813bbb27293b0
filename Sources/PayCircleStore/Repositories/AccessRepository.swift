import Foundation
import PayCircleCore

/// Access tokens (kept by the SHA-256 digest of their secret, never the secret) and the audit log of
/// writes. Creating and checking secrets is ``AccessRepository``'s extension's job, the same for every store.
public protocol AccessRepository: Sendable {
    /// Keeps `token`, found later by `secretDigest`.
    func insertToken(_ token: AccessToken, secretDigest: String) async throws
    /// Marks a live token revoked at `at`; false when no live token has that id.
    func revokeToken(id: String, at: Date) async throws -> Bool
    /// Every token, revoked ones included, oldest first.
    func accessTokens() async throws -> [AccessToken]
    /// The live token whose secret has this digest, or nil.
    func liveToken(secretDigest: String) async throws -> AccessToken?
    /// The newest `limit` writes of the audit log, newest first.
    func auditLog(limit: Int) async throws -> [AuditEntry]
}

extension AccessRepository {
    /// A new token; its secret is returned here only. `points` limits an operator token to those points
    /// (nil: every point).
    ///
    /// ```swift
    /// let (token, secret) = try await store.createToken(name: "hall 7 queue machine", role: .operator, points: ["hall-7"])
    /// ```
    public func createToken(name: String, role: AccessRole, points: Set<String>? = nil, at now: Date = Date()) async throws -> (token: AccessToken, secret: String) {
        let secret = TokenSecret.generate()
        let token = AccessToken(id: TokenSecret.newID(), name: name, role: role, points: points, createdAt: now)
        try await insertToken(token, secretDigest: TokenSecret.digest(secret))
        return (token, secret)
    }

    /// The live token whose secret this is, or nil. The secret is looked up by its digest: a caller who
    /// does not know a secret cannot choose a digest, so the look-up's timing tells nothing about one.
    public func authenticate(secret: String) async throws -> AccessToken? {
        try await liveToken(secretDigest: TokenSecret.digest(secret))
    }

    /// Revokes a token now; false when no live token has that id.
    public func revokeToken(id: String) async throws -> Bool {
        try await revokeToken(id: id, at: Date())
    }
}
