import Synchronization

/// Token buckets per client and route class (see ``RateLimits``); one instance per service, so limits are
/// per instance. Buckets that have filled up again are forgotten when the table grows (at most once a second,
/// so a table of many busy clients is not scanned on every request).
///
/// ```swift
/// let limiter = RateLimiter(limits: .standard)
/// switch limiter.admit(.heavy, client: .address(address)) {
/// case .admitted: ...
/// case .limited(let retryAfter): ...   // 429 with Retry-After
/// }
/// ```
public final class RateLimiter: Sendable {
    /// Whom a bucket belongs to.
    public enum Client: Hashable, Sendable {
        case address(ClientAddress)
        case token(String)

        var isAuthenticated: Bool {
            if case .token = self { return true }
            return false
        }
    }

    public enum Decision: Sendable, Equatable {
        case admitted
        /// Refused; a request may succeed after this many seconds.
        case limited(retryAfter: Int)
    }

    private struct Key: Hashable {
        let client: Client
        let routeClass: RouteClass
    }

    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private struct Table {
        var buckets: [Key: Bucket] = [:]
        var pruned: ContinuousClock.Instant?
    }

    /// Past this many buckets, full ones are dropped.
    static let pruneThreshold = 50_000

    public let limits: RateLimits
    private let table = Mutex(Table())
    private let now: @Sendable () -> ContinuousClock.Instant

    public init(limits: RateLimits, clock now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.limits = limits
        self.now = now
    }

    /// Takes one request from the client's bucket for `routeClass`.
    public func admit(_ routeClass: RouteClass, client: Client) -> Decision {
        guard let limit = limits.limit(routeClass, authenticated: client.isAuthenticated) else { return .admitted }
        let moment = now()
        return table.withLock { table in
            let key = Key(client: client, routeClass: routeClass)
            var bucket = table.buckets[key] ?? Bucket(tokens: limit.burst, updated: moment)
            let elapsed = moment - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            bucket.tokens = min(limit.burst, bucket.tokens + max(0, seconds) * limit.perSecond)
            bucket.updated = moment
            let decision: Decision
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                decision = .admitted
            } else {
                let wait = limit.perSecond > 0 ? (1 - bucket.tokens) / limit.perSecond : 3_600
                decision = .limited(retryAfter: max(1, Int(wait.rounded(.up))))
            }
            table.buckets[key] = bucket
            if table.buckets.count > Self.pruneThreshold, table.pruned.map({ moment - $0 >= .seconds(1) }) ?? true {
                Self.prune(&table.buckets, limits: limits, at: moment)
                table.pruned = moment
            }
            return decision
        }
    }

    /// How many buckets are kept now.
    public var bucketCount: Int { table.withLock { $0.buckets.count } }

    private static func prune(_ buckets: inout [Key: Bucket], limits: RateLimits, at moment: ContinuousClock.Instant) {
        buckets = buckets.filter { key, bucket in
            guard let limit = limits.limit(key.routeClass, authenticated: key.client.isAuthenticated), limit.perSecond > 0 else { return false }
            let refill = (limit.burst - bucket.tokens) / limit.perSecond
            return bucket.updated + .seconds(refill) > moment
        }
    }
}
