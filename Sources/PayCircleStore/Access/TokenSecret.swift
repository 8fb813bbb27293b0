import Crypto
import Foundation

/// Token secrets: 32 random bytes from the system's secure generator, written `pc_` + 64 hex digits;
/// stored and looked up as SHA-256 digests.
package enum TokenSecret {
    package static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return "pc_" + (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// A short random id for a token (not secret).
    package static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return "tok_" + (0..<6).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    package static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
