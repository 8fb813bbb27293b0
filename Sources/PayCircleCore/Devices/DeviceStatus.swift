/// A device's state as the control room sees it.
///
/// - `online`: beating, no fault reported;
/// - `offline`: silent for longer than the heartbeat timeout;
/// - `fault`: beating, with a fault reported;
/// - `maintenance`: taken out of service on purpose;
/// - `off`: powered off by a command or outside its power schedule, as expected (no incident);
/// - `unmonitored`: registered, never beaten; it does not count for its point until it beats.
public enum DeviceStatus: String, Sendable, CaseIterable, Codable {
    case online, offline, fault, maintenance, off, unmonitored

    /// Whether the device serves customers.
    public var isUp: Bool { self == .online }

    /// Whether being in this state is an incident (a stretch of time the control room records).
    public var isIncident: Bool { self == .offline || self == .fault || self == .maintenance }

    /// Whether the device counts when its point's availability is decided.
    public var isMonitored: Bool { self != .unmonitored }
}
