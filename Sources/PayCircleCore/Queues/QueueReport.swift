import Foundation

/// What a hall's queue machine reports: per service, how many people wait, how many counters are open,
/// and the recent mean time a counter takes per customer.
///
/// ```swift
/// let report = QueueReport(hallID: "hall-1", reportedAt: Date(),
///                          services: [.cash: ServiceQueue(waiting: 4, openCounters: 2, handlingSeconds: 120)])
/// ```
public struct QueueReport: Sendable, Hashable {
    public var hallID: String
    public var reportedAt: Date
    public var services: [PaymentService: ServiceQueue]

    public init(hallID: String, reportedAt: Date, services: [PaymentService: ServiceQueue]) {
        self.hallID = hallID
        self.reportedAt = reportedAt
        self.services = services
    }
}

/// One service's queue in a hall.
public struct ServiceQueue: Sendable, Hashable {
    /// People waiting, not counting those at a counter.
    public var waiting: Int
    public var openCounters: Int
    /// Recent mean handling time per customer at one counter.
    public var handlingSeconds: Double
    /// Numbers called so far in the hall's day (walk-ins and remote tickets alike); nil when the queue
    /// machine does not say. Remote tickets count their way to their call by it.
    public var servedToday: Int?

    public init(waiting: Int, openCounters: Int, handlingSeconds: Double, servedToday: Int? = nil) {
        self.waiting = waiting
        self.openCounters = openCounters
        self.handlingSeconds = handlingSeconds
        self.servedToday = servedToday
    }

    /// Departures per second while every counter is busy (`openCounters / handlingSeconds`).
    public var rate: Double { Double(openCounters) / handlingSeconds }

    /// The accepted ranges, checked where reports come in.
    public static let waitingRange = 0...10_000
    public static let countersRange = 0...200
    public static let handlingRange = 1.0...7_200.0
    public static let servedRange = 0...100_000
}
