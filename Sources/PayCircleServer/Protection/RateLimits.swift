/// How many requests of each ``RouteClass`` a client may make: a token bucket per client and class that
/// holds `burst` requests and refills at `perSecond`. Anonymous clients are counted by address; clients
/// with a valid token by token, with the (higher) authenticated limits.
///
/// The defaults are far above what one phone makes: a map page loads about ten light requests, the
/// planner page three heavy ones.
///
/// | class | anonymous (per address) | with a token |
/// |---|---|---|
/// | light | 20/s, burst 200 | 500/s, burst 2,000 |
/// | heavy | 6/min, burst 10 | 60/min, burst 30 |
/// | ticket | 6/hour, burst 6 | 3,600/hour, burst 200 |
/// | write | 5/s, burst 20 | 200/s, burst 1,000 |
public struct RateLimits: Sendable {
    /// One bucket's size and refill rate.
    public struct Limit: Sendable, Hashable {
        public var perSecond: Double
        public var burst: Double

        public init(perSecond: Double, burst: Double) {
            self.perSecond = perSecond
            self.burst = burst
        }

        public static func perMinute(_ count: Double, burst: Double) -> Limit { Limit(perSecond: count / 60, burst: burst) }
        public static func perHour(_ count: Double, burst: Double) -> Limit { Limit(perSecond: count / 3_600, burst: burst) }
    }

    public var anonymous: [RouteClass: Limit]
    public var authenticated: [RouteClass: Limit]

    public init(anonymous: [RouteClass: Limit], authenticated: [RouteClass: Limit]) {
        self.anonymous = anonymous
        self.authenticated = authenticated
    }

    /// The documented defaults (see the table above).
    public static let standard = RateLimits(
        anonymous: [.light: Limit(perSecond: 20, burst: 200), .heavy: .perMinute(6, burst: 10),
                    .ticket: .perHour(6, burst: 6), .write: Limit(perSecond: 5, burst: 20)],
        authenticated: [.light: Limit(perSecond: 500, burst: 2_000), .heavy: .perMinute(60, burst: 30),
                        .ticket: .perHour(3_600, burst: 200), .write: Limit(perSecond: 200, burst: 1_000)]
    )

    public func limit(_ routeClass: RouteClass, authenticated isAuthenticated: Bool) -> Limit? {
        isAuthenticated ? authenticated[routeClass] : anonymous[routeClass]
    }
}
