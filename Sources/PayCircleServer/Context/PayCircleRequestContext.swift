import Hummingbird
import PayCircleEngine
import NIOCore
import PayCircleCore
import PayCircleStore

/// What the middleware learns about a request before its route runs: who the client is (the socket's
/// address, or the forwarded one from a trusted proxy), its bearer token, and by when heavy work must end.
public protocol GuardedRequestContext: RequestContext, RemoteAddressRequestContext {
    /// The server's own end of the connection, for links when no public URL is configured.
    var localAddress: SocketAddress? { get }
    /// The client as rate limits see it; nil for in-process requests, which are not limited.
    var client: ClientAddress? { get set }
    /// The request's bearer token, checked once.
    var credentials: Credentials { get set }
    /// When the request's work must end (heavy routes set it).
    var deadline: Deadline { get set }
}

/// The request context of the PayCircle service (see ``GuardedRequestContext``).
public struct PayCircleRequestContext: GuardedRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    public let localAddress: SocketAddress?
    public var client: ClientAddress?
    public var credentials = Credentials.none
    public var deadline = Deadline.none

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        localAddress = source.channel.localAddress
    }
}
