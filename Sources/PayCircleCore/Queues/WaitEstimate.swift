/// The expected wait at a channel for someone arriving after a walk, with an 80% band.
public struct WaitEstimate: Sendable, Hashable {
    /// Where the figure comes from.
    public enum Source: String, Sendable, Codable {
        /// A fresh report of the hall's queue machine.
        case queue
        /// A kiosk or booth, or an agency counter: the configured small wait.
        case configured
        /// No fresh report (none, or older than the allowed age): the configured assumption.
        case assumed
        /// Every counter of the service is closed.
        case noCounterOpen = "no_counter_open"
    }

    public var seconds: Double
    /// The 10th and 90th percentiles of the wait.
    public var low: Double
    public var high: Double
    public var source: Source
    /// The service the figure is for, when it came from a queue.
    public var service: PaymentService?

    /// Whether the wait was known (a fresh queue report or a configured self-service wait).
    public var isKnown: Bool { source == .queue || source == .configured }

    public init(seconds: Double, low: Double, high: Double, source: Source, service: PaymentService? = nil) {
        self.seconds = seconds
        self.low = low
        self.high = high
        self.source = source
        self.service = service
    }
}
