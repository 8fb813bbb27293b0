import Hummingbird
import Prometheus

/// Counts and times every request by route pattern, method and status into a Prometheus registry, which
/// `GET /metrics` exposes: `paycircle_http_requests_total` and `paycircle_http_request_duration_seconds`.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: RequestMetricHandles

    init(registry: PrometheusCollectorRegistry) { metrics = RequestMetricHandles(registry: registry) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context, status: response.status.code, since: start)
            return response
        } catch let error as HTTPResponseError {
            record(request, context, status: error.status.code, since: start)
            throw error
        } catch {
            record(request, context, status: 500, since: start)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, status: Int, since start: ContinuousClock.Instant) {
        metrics.record(route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: status,
                       duration: ContinuousClock.now - start)
    }
}
