import Foundation

/// How the service protects itself on the open internet: rate limits per client, the proxies trusted to
/// name clients, the cap and deadline of heavy work, connection timeouts, who may frame the pages and the
/// public address links are made with. ``standard`` is what `paycircle serve` uses unless told otherwise.
///
/// ```swift
/// var surface = PublicSurface.standard
/// surface.trustedProxies = TrustedProxies([AddressBlock("10.0.0.0/8")!])
/// surface.publicURL = "https://pay.example.cn"
/// ```
public struct PublicSurface: Sendable {
    /// Limits per client, or nil for none (`serve --rate-limit off`, for benchmarks).
    public var rateLimits: RateLimits?
    public var trustedProxies: TrustedProxies
    /// Heavy requests running at once; by default half the cores (at least one), leaving the rest to
    /// light requests.
    public var heavySlots: Int
    /// Heavy requests waiting for a slot; more are answered 503 at once.
    public var heavyQueue: Int
    /// How long a heavy request may take, from its arrival (503 after).
    public var timeLimit: Duration
    /// A connection with no request in progress, including one whose request head has not fully arrived,
    /// is closed after this long.
    public var idleTimeout: Duration
    /// The most bytes of one header field, and of all of a request's header fields.
    public var maxHeaderBytes: Int
    /// `frame-ancestors` sources of the pages' Content-Security-Policy.
    public var frameAncestors: [String]
    /// The address clients reach the service at (e.g. `https://pay.example.cn`), for links in answers;
    /// when nil, links use the address the connection was accepted on, never the request's `Host`.
    public var publicURL: String?

    public init(rateLimits: RateLimits? = .standard, trustedProxies: TrustedProxies = TrustedProxies(),
                heavySlots: Int = PublicSurface.defaultHeavySlots, heavyQueue: Int = 4, timeLimit: Duration = .seconds(10),
                idleTimeout: Duration = .seconds(15), maxHeaderBytes: Int = 16 * 1024, frameAncestors: [String] = ["'self'"],
                publicURL: String? = nil) {
        self.rateLimits = rateLimits
        self.trustedProxies = trustedProxies
        self.heavySlots = heavySlots
        self.heavyQueue = heavyQueue
        self.timeLimit = timeLimit
        self.idleTimeout = idleTimeout
        self.maxHeaderBytes = maxHeaderBytes
        self.frameAncestors = frameAncestors
        self.publicURL = publicURL
    }

    public static let standard = PublicSurface()

    public static var defaultHeavySlots: Int { max(1, ProcessInfo.processInfo.activeProcessorCount / 2) }
}
