import Foundation

/// The limits a hall's remote tickets keep to, set per service instance (`paycircle serve` flags).
///
/// ```swift
/// let rules = TicketRules(noShowAfter: 300, remoteShare: 0.25)   // a quarter of the next hour's capacity
/// ```
public struct TicketRules: Sendable, Hashable {
    /// How long a called ticket may stay open before it counts as a no-show.
    public var noShowAfter: TimeInterval
    /// The most remote tickets a hall's service may have waiting, as a share of what its open counters
    /// serve in the next hour (`open_counters × 3600 / handling_s`).
    public var remoteShare: Double

    public init(noShowAfter: TimeInterval = 600, remoteShare: Double = 0.5) {
        self.noShowAfter = noShowAfter
        self.remoteShare = remoteShare
    }

    /// The accepted shares, checked where they are set.
    public static let remoteShareRange = 0.0...1.0

    /// How many remote tickets may wait for a service whose counters serve `perHour` people an hour.
    public func remoteCap(perHour: Double) -> Int {
        Int((remoteShare * perHour).rounded(.down))
    }
}
