import Hummingbird
import Prometheus

/// Counts and times every request by route pattern, method and status into a Prometheus registry, which
/// `GET /metrics` exposes: `paycircle_http_requests_total` and `paycircle_http_request_duration_seconds`.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    static var buckets: [Duration] {
        [.microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
         .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5)]
    }

    let registry: PrometheusCollectorRegistry

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
        let route = context.endpointPath ?? "unmatched"
        let method = request.method.rawValue
        registry.makeCounter(descriptor: .init(namespace: "paycircle", subsystem: "http", metricName: "requests", unitName: "total",
                                               helpText: "HTTP requests answered, by route, method and status"),
                             labels: [("route", route), ("method", method), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: .init(namespace: "paycircle", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                                                         helpText: "Time to answer an HTTP request, by route and method"),
                                       labels: [("route", route), ("method", method)], buckets: Self.buckets)
            .record(ContinuousClock.now - start)
    }
}
