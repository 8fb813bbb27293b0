import Foundation
import PayCircleCore
import PayCircleStore
import PayCircleTestSupport
import Testing

/// Token storage: secrets shown once and kept only as SHA-256 digests.
@Suite struct AccessTokenStorageTests {
    @Test(arguments: TestStore.Kind.available) func onlyTheDigestOfASecretIsStoredAndRevocationIsImmediate(kind: TestStore.Kind) throws {
        let test = try TestStore(kind)
        defer { test.remove() }
        let store = test.store
        let (token, secret) = try store.createToken(name: "ops", role: .operator)
        #expect(secret.hasPrefix("pc_") && secret.count == 67)
        let stored = try #require(try test.scalar("SELECT secret_sha256 FROM access_tokens"))
        #expect(stored != secret && !stored.contains(secret.dropFirst(3)))
        // The digest is SHA-256 of the secret, as Python's hashlib computes it.
        let reference = try Reference.python("sha256.py", input: Data(secret.utf8))
        #expect(stored == String(decoding: reference, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(try store.authenticate(secret: secret)?.id == token.id)
        #expect(try store.authenticate(secret: secret + "0") == nil)
        #expect(try store.revokeToken(id: token.id))
        #expect(try store.authenticate(secret: secret) == nil)
        #expect(try store.revokeToken(id: token.id) == false)
        #expect(try store.accessTokens().map(\.id) == [token.id] && store.accessTokens().first?.revokedAt != nil)
    }
}
