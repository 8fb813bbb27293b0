import Hummingbird

/// Takes each request from its client's bucket (``RateLimiter``) for the class its route is in, and
/// answers 429 with `Retry-After` when the bucket is empty. Clients with a valid token are counted by token,
/// others by address; in-process requests (no socket) are not counted.
struct RateLimitMiddleware<Context: GuardedRequestContext>: RouterMiddleware {
    let limiter: RateLimiter?
    let classify: @Sendable (Request) -> RouteClass

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let limiter, let address = context.client else { return try await next(request, context) }
        let routeClass = classify(request)
        let client: RateLimiter.Client = context.credentials.token.map { .token($0.id) } ?? .address(address.limitKey)
        if case .limited(let retryAfter) = limiter.admit(routeClass, client: client) {
            throw APIError(status: .tooManyRequests, code: "rate_limited",
                           message: "too many \(routeClass.rawValue) requests from this client; try again in \(retryAfter) s", retryAfter: retryAfter)
        }
        return try await next(request, context)
    }
}
