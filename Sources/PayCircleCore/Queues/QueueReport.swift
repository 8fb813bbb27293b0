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

    public init(waiting: Int, openCounters: Int, handlingSeconds: Double) {
        self.waiting = waiting
        self.openCounters = openCounters
        self.handlingSeconds = handlingSeconds
    }

    /// The accepted ranges, checked where reports come in.
    public static let waitingRange = 0...10_000
    public static let countersRange = 0...200
    public static let handlingRange = 1.0...7_200.0
}
