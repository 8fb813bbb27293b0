import Foundation
import PayCircleCore
import PayCircleStore
import PayCircleTestSupport
import Testing

/// Token storage: secrets shown once and kept only as SHA-256 digests.
@Suite struct AccessTokenStorageTests {
    @Test(arguments: TestStore.Kind.available) func onlyTheDigestOfASecretIsStoredAndRevocationIsImmediate(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let store = test.store
        let (token, secret) = try await store.createToken(name: "ops", role: .operator)
        #expect(secret.hasPrefix("pc_") && secret.count == 67)
        let stored = try await #require(try test.scalar("SELECT secret_sha256 FROM access_tokens"))
        #expect(stored != secret && !stored.contains(secret.dropFirst(3)))
        // The digest is SHA-256 of the secret, as Python's hashlib computes it.
        let reference = try Reference.python("sha256.py", input: Data(secret.utf8))
        #expect(stored == String(decoding: reference, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(try await store.authenticate(secret: secret)?.id == token.id)
        #expect(try await store.authenticate(secret: secret + "0") == nil)
        #expect(try await store.revokeToken(id: token.id))
        #expect(try await store.authenticate(secret: secret) == nil)
        #expect(try await store.revokeToken(id: token.id) == false)
        #expect(try await store.accessTokens().map(\.id) == [token.id])
        #expect(try await store.accessTokens().first?.revokedAt != nil)
    }

    @Test(arguments: TestStore.Kind.available) func newRolesAndAPointScopeRoundTrip(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let store = test.store
        let scoped = try await store.createToken(name: "hall 1 queue machine", role: .operator, points: ["hall-1", "osm:n7,8"])
        let planner = try await store.createToken(name: "planning office", role: .planner)
        let partner = try await store.createToken(name: "wallet app", role: .partner)
        let found = try await #require(try store.authenticate(secret: scoped.secret))
        #expect(found.role == .operator && found.points == ["hall-1", "osm:n7,8"])
        #expect(found.covers(point: "hall-1") && found.covers(point: "osm:n7,8") && !found.covers(point: "hall-2"))
        #expect(try await store.authenticate(secret: planner.secret)?.role == .planner)
        let app = try await #require(try store.authenticate(secret: partner.secret))
        #expect(app.role == .partner && app.points == nil && app.covers(point: "anything"))
        let listed = Dictionary(uniqueKeysWithValues: try await store.accessTokens().map { ($0.id, $0.points) })
        #expect(listed == [scoped.token.id: ["hall-1", "osm:n7,8"], planner.token.id: nil, partner.token.id: nil])
    }
}
