import Hummingbird
import HTTPTypes
import PayCircleEngine

/// Learns who sent a request: the client address (through ``TrustedProxies``) and the bearer token,
/// checked once by the engine, so that rate limits and write routes read them from the context.
struct ClientMiddleware<Context: GuardedRequestContext>: RouterMiddleware {
    let proxies: TrustedProxies
    let engine: PayCircleEngine
    /// Whether anything reads the client address (rate limits); without, it is not worked out.
    let needsClient: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if needsClient {
            context.client = proxies.client(socket: ClientAddress(socket: context.remoteAddress), forwardedFor: request.headers[.xForwardedFor])
        }
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            let secret = String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
            context.credentials = try await engine.authenticate(secret: secret)
        }
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
