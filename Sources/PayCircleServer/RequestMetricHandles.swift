import Prometheus
import Synchronization

/// The request counter and timer of each route, method and status, made in the Prometheus registry the
/// first time they are needed and then kept: making them anew for every request (building and checking
/// their names, and looking them up under the registry's lock) cost more than answering `/healthz`.
final class RequestMetricHandles: Sendable {
    private struct Key: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    private struct Handles {
        var requests: Counter
        var duration: DurationHistogram
    }

    static let buckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]

    private let registry: PrometheusCollectorRegistry
    private let kept = Mutex<[Key: Handles]>([:])

    init(registry: PrometheusCollectorRegistry) { self.registry = registry }

    /// Counts one request answered with `status` and records how long it took.
    func record(route: String, method: String, status: Int, duration: Duration) {
        let key = Key(route: route, method: method, status: status)
        let handles = kept.withLock { $0[key] } ?? make(key)
        handles.requests.increment()
        handles.duration.record(duration)
    }

    private func make(_ key: Key) -> Handles {
        let requests = MetricNameDescriptor(namespace: "paycircle", subsystem: "http", metricName: "requests", unitName: "total",
                                            helpText: "HTTP requests answered, by route, method and status")
        let duration = MetricNameDescriptor(namespace: "paycircle", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                                            helpText: "Time to answer an HTTP request, by route and method")
        let handles = Handles(
            requests: registry.makeCounter(descriptor: requests,
                                           labels: [("route", key.route), ("method", key.method), ("status", String(key.status))]),
            duration: registry.makeDurationHistogram(descriptor: duration, labels: [("route", key.route), ("method", key.method)],
                                                     buckets: Self.buckets))
        kept.withLock { $0[key] = handles }
        return handles
    }
}
