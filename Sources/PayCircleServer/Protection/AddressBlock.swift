/// A block of IP addresses in CIDR notation, such as `10.0.0.0/8` or `::1/128` (a bare address is the
/// block of itself): the proxies whose `X-Forwarded-For` is believed.
public struct AddressBlock: Hashable, Sendable, CustomStringConvertible {
    public let network: ClientAddress
    public let prefixLength: Int

    /// Parses `ADDRESS[/PREFIX]`; nil when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = ClientAddress(parts[0]) else { return nil }
        let bits = address.bytes.count * 8
        if parts.count == 2 {
            guard let length = Int(parts[1]), (0...bits).contains(length) else { return nil }
            prefixLength = length
        } else {
            prefixLength = bits
        }
        network = address
    }

    /// Whether `address` lies in the block (an IPv4 address is never in an IPv6 block, nor the reverse).
    public func contains(_ address: ClientAddress) -> Bool {
        guard address.bytes.count == network.bytes.count else { return false }
        var remaining = prefixLength
        for index in network.bytes.indices where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if address.bytes[index] & mask != network.bytes[index] & mask { return false }
            remaining -= bits
        }
        return true
    }

    public var description: String { "\(network)/\(prefixLength)" }
}
