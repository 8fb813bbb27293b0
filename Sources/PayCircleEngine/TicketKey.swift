import Foundation
import PayCircleStore

/// The secrets that tie a ticket to its holder. The app's customer id and the ticket's key are kept
/// only as SHA-256 digests; the key itself is shown once, when the ticket is issued.
enum TicketKey {
    /// A new key: `tk_` and 48 hex digits from the system's secure generator.
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return "tk_" + (0..<24).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func digest(key: String) -> String { TokenSecret.digest(key) }

    /// The digest a customer id is kept as (distinct from a key's digest of the same text).
    static func digest(customer: String) -> String { TokenSecret.digest("customer:" + customer) }
}
