import Foundation

/// What a device last told, and the state that made of it since when.
public struct DeviceLive: Sendable, Hashable {
    public var status: DeviceStatus
    /// When `status` began.
    public var since: Date
    public var lastBeatAt: Date?
    /// The fault the last heartbeat reported (e.g. `paper_out`), nil when it reported `ok`.
    public var fault: String?
    /// The device's own counters from its last heartbeat (e.g. `transactions`).
    public var counters: [String: Int]

    public init(status: DeviceStatus = .unmonitored, since: Date, lastBeatAt: Date? = nil, fault: String? = nil, counters: [String: Int] = [:]) {
        self.status = status
        self.since = since
        self.lastBeatAt = lastBeatAt
        self.fault = fault
        self.counters = counters
    }
}
