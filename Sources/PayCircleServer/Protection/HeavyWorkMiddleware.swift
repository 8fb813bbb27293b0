import Hummingbird
import PayCircleCore

/// Bounds heavy work: a request whose route is heavy (by `classify`) waits for a slot of the ``WorkGate``
/// (503 with `Retry-After` when the wait queue is full), runs on the heavy-work threads, and must finish
/// by its deadline, counted from its arrival: one that waited past it is not started, and long searches
/// that see it pass stop; both answer 503.
struct HeavyWorkMiddleware<Context: GuardedRequestContext>: RouterMiddleware {
    let gate: WorkGate
    let executor: HeavyWorkExecutor
    let timeLimit: Duration
    let classify: @Sendable (Request) -> RouteClass

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard classify(request) == .heavy else { return try await next(request, context) }
        var context = context
        context.deadline = Deadline(after: timeLimit)
        guard await gate.enter() else {
            throw APIError(status: .serviceUnavailable, code: "busy",
                           message: "the service is busy with other planning requests; try again shortly", retryAfter: 2)
        }
        defer { gate.leave() }
        do {
            try context.deadline.check()
            return try await withTaskExecutorPreference(executor) { [context] in try await next(request, context) }
        } catch is DeadlineExceeded {
            throw APIError(status: .serviceUnavailable, code: "deadline_exceeded",
                           message: "the request did not finish within \(timeLimit.components.seconds) s; ask a smaller question or try later", retryAfter: 5)
        }
    }
}
