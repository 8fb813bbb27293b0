import Foundation
import PayCircleCore
import PayCircleStore

/// The access tokens of a store, for the faces that manage or check them without loading any points
/// (`paycircle token …`, and the request middleware through ``PayCircleEngine/authenticate(secret:)``).
///
/// ```swift
/// let (token, secret) = try await AccessTokens(store: store).create(name: "hall 7", role: .operator, points: ["hall-7"])
/// ```
public struct AccessTokens: Sendable {
    let store: any AccessRepository
    let clock: any EngineClock

    public init(store: any AccessRepository, clock: any EngineClock = SystemClock()) {
        self.store = store
        self.clock = clock
    }

    /// A new token; its secret is returned here only.
    public func create(name: String, role: AccessRole, points: Set<String>?) async throws -> (token: AccessToken, secret: String) {
        try await store.createToken(name: name, role: role, points: points, at: clock.now)
    }

    /// Every token, revoked ones included, oldest first.
    public func all() async throws -> [AccessToken] {
        try await store.accessTokens()
    }

    /// Revokes a token now; false when no live token has that id.
    public func revoke(id: String) async throws -> Bool {
        try await store.revokeToken(id: id, at: clock.now)
    }

    /// The credentials a bearer secret stands for.
    public func credentials(secret: String) async throws -> Credentials {
        try await store.authenticate(secret: secret).map(Credentials.valid) ?? .invalid
    }
}
