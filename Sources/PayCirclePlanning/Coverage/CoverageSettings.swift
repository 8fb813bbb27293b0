import Foundation
import PayCircleCore

/// What a coverage question is: within how many minutes, at what moment, counting which channels.
///
/// ```swift
/// var night = CoverageSettings(minutes: 10, at: ISO8601DateFormatter().date(from: "2026-11-23T22:00:00+08:00")!)
/// night.kinds = [.kiosk, .bankBooth]
/// ```
public struct CoverageSettings: Sendable {
    /// Walks of 1 to 60 minutes.
    public static let minutesRange = 1...60
    /// Walking distance over straight-line distance where no network is known. Studies of urban street
    /// networks put this circuity between about 1.2 and 1.4; 1.3 is the middle.
    public static let defaultDetourFactor = 1.3

    public var minutes: Double
    public var at: Date
    /// Only channels of these kinds count; nil for all.
    public var kinds: Set<PointKind>?
    /// Count channels whose hours are unknown at `at` (no or unparsed `opening_hours`) as open.
    public var countUnknownHoursAsOpen: Bool
    /// Take the hours the import assumed for channels nobody tagged (``PaymentPoint/hoursAssumed``) as
    /// their hours; when false they count as unknown.
    public var useAssumedHours: Bool
    public var detourFactor: Double

    public init(minutes: Double = 10, at: Date = Date(), kinds: Set<PointKind>? = nil, countUnknownHoursAsOpen: Bool = false,
                useAssumedHours: Bool = true, detourFactor: Double = defaultDetourFactor) {
        self.minutes = minutes
        self.at = at
        self.kinds = kinds
        self.countUnknownHoursAsOpen = countUnknownHoursAsOpen
        self.useAssumedHours = useAssumedHours
        self.detourFactor = detourFactor
    }

    public var seconds: Double { minutes * 60 }
}
