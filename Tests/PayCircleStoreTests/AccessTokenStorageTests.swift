import Foundation
import PayCircleCore
import PayCircleStore
import PayCircleTestSupport
import Testing

/// Token storage: secrets shown once and kept only as SHA-256 digests.
@Suite struct AccessTokenStorageTests {
    @Test func onlyTheDigestOfASecretIsStoredAndRevocationIsImmediate() throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("s.sqlite").path
        let store = try SpatiaLiteStore(path: path)
        let (token, secret) = try store.createToken(name: "ops", role: .operator)
        #expect(secret.hasPrefix("pc_") && secret.count == 67)
        let stored = try #require(SpatiaLiteStoreTests.scalar(path, "SELECT secret_sha256 FROM access_tokens"))
        #expect(stored != secret && !stored.contains(secret.dropFirst(3)))
        // The digest is SHA-256 of the secret, as Python's hashlib computes it.
        let reference = try Reference.python("sha256.py", input: Data(secret.utf8))
        #expect(stored == String(decoding: reference, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(try store.authenticate(secret: secret)?.id == token.id)
        #expect(try store.authenticate(secret: secret + "0") == nil)
        #expect(try store.revokeToken(id: token.id))
        #expect(try store.authenticate(secret: secret) == nil)
        #expect(try store.revokeToken(id: token.id) == false)
    }
}
