/// The proxies in front of the service (`serve --trusted-proxy CIDR`). A request that comes from one of
/// them is counted against the client its `X-Forwarded-For` names: the right-most hop that is not itself a
/// trusted proxy. From any other address the header is ignored, so clients cannot choose whom they are.
///
/// ```swift
/// let proxies = TrustedProxies([AddressBlock("10.0.0.0/8")!])
/// proxies.client(socket: ClientAddress("10.1.2.3"), forwardedFor: "198.51.100.4, 10.9.9.9")   // 198.51.100.4
/// ```
public struct TrustedProxies: Sendable {
    public let blocks: [AddressBlock]

    public init(_ blocks: [AddressBlock] = []) {
        self.blocks = blocks
    }

    public func trusts(_ address: ClientAddress) -> Bool {
        blocks.contains { $0.contains(address) }
    }

    /// Who the client is; nil when the request came through no socket (in-process).
    public func client(socket: ClientAddress?, forwardedFor header: String?) -> ClientAddress? {
        guard let socket else { return nil }
        guard trusts(socket), let header else { return socket }
        var client = socket
        for hop in header.split(separator: ",").reversed() {
            guard let address = ClientAddress(hop) else { return client }
            client = address
            if !trusts(address) { break }
        }
        return client
    }
}
