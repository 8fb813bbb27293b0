import NIOCore

/// A client's IP address as bytes (4 for IPv4, 16 for IPv6), the key of its rate limits.
///
/// ```swift
/// let address = ClientAddress("203.0.113.7")       // from an X-Forwarded-For hop
/// let socket = ClientAddress(socket: context.remoteAddress)
/// ```
public struct ClientAddress: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(_ text: some StringProtocol) {
        let text = text.trimmedForAddress
        if let v4 = Self.parseIPv4(text) {
            bytes = v4
        } else if let v6 = Self.parseIPv6(text) {
            bytes = v6
        } else {
            return nil
        }
    }

    /// The address of a socket peer; nil for none (an in-process request) or a Unix socket.
    public init?(socket: SocketAddress?) {
        guard let socket else { return nil }
        switch socket {
        case .v4(let address):
            bytes = withUnsafeBytes(of: address.address.sin_addr.s_addr) { Array($0) }
        case .v6(let address):
            bytes = withUnsafeBytes(of: address.address.sin6_addr) { Array($0) }
        case .unixDomainSocket:
            return nil
        }
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The address rate limits count by: IPv4 addresses whole, IPv6 by their /64 network (one host's
    /// usual share), and IPv4-mapped IPv6 addresses as the IPv4 address they carry.
    public var limitKey: ClientAddress {
        if bytes.count == 16 {
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF { return ClientAddress(bytes: Array(bytes[12...])) }
            return ClientAddress(bytes: Array(bytes[0..<8]) + Array(repeating: 0, count: 8))
        }
        return self
    }

    public var description: String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }.joined(separator: ":")
    }

    private static func parseIPv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCIIDigit), let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    private static func parseIPv6(_ text: Substring) -> [UInt8]? {
        guard text.contains(":"), text.count <= 45 else { return nil }
        var groups: [UInt16] = []
        var tail: [UInt16]? = nil
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func parse(_ half: String) -> [UInt16]? {
            guard !half.isEmpty else { return [] }
            var result: [UInt16] = []
            let pieces = half.split(separator: ":", omittingEmptySubsequences: false)
            for (offset, piece) in pieces.enumerated() {
                if offset == pieces.count - 1, piece.contains("."), let v4 = parseIPv4(piece) {
                    result.append(UInt16(v4[0]) << 8 | UInt16(v4[1]))
                    result.append(UInt16(v4[2]) << 8 | UInt16(v4[3]))
                    continue
                }
                guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = parse(halves[0]) else { return nil }
        groups = head
        if halves.count == 2 {
            guard let after = parse(halves[1]), head.count + after.count <= 7 else { return nil }
            tail = after
        }
        if let tail {
            groups += Array(repeating: 0, count: 8 - groups.count - tail.count) + tail
        }
        guard groups.count == 8 else { return nil }
        return groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

private extension StringProtocol {
    /// Without spaces and, for IPv6 written in brackets or with a zone, without those.
    var trimmedForAddress: Substring {
        var text = Substring(self).drop { $0 == " " }
        while text.last == " " { text = text.dropLast() }
        if text.first == "[", let close = text.firstIndex(of: "]") { text = text[text.index(after: text.startIndex)..<close] }
        if let zone = text.firstIndex(of: "%") { text = text[..<zone] }
        return text
    }
}
