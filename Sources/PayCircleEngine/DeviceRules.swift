import Foundation

/// How devices are watched, set per service instance (`paycircle serve --heartbeat-timeout`).
///
/// ```swift
/// let rules = DeviceRules(heartbeatTimeout: 60)   // silent for a minute: offline
/// ```
public struct DeviceRules: Sendable, Hashable {
    /// How long a device may be silent before it counts as offline.
    public var heartbeatTimeout: TimeInterval

    public init(heartbeatTimeout: TimeInterval = 180) {
        self.heartbeatTimeout = heartbeatTimeout
    }

    /// The accepted timeouts, checked where they are set.
    public static let timeoutRange: ClosedRange<TimeInterval> = 5...86_400
}
