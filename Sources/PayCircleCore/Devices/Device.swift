import Foundation

/// A device of a payment point, as the ledger keeps it: what it is, how the control room has set it
/// (maintenance, power, power schedule) and what it last reported.
///
/// ```swift
/// var kiosk = Device(id: "kiosk-7-a", pointID: "kiosk-7", kind: .kiosk, serial: "SN-0042", since: now)
/// kiosk.powerSchedule = OpeningHours("Mo-Su 06:00-23:00")
/// kiosk.status(at: now, heartbeatTimeout: 180, timeZone: "Asia/Shanghai")   // .unmonitored until it beats
/// ```
public struct Device: Sendable, Hashable {
    public var id: String
    public var pointID: String
    public var kind: DeviceKind
    public var model: String?
    public var serial: String?
    /// The day it was installed, `YYYY-MM-DD`.
    public var installedOn: String?
    /// When it is meant to be powered on, in opening-hours syntax; nil for always.
    public var powerSchedule: OpeningHours?
    public var maintenance: Bool
    /// False after a `power_off` command was acknowledged, until a `power_on`.
    public var powered: Bool
    public var live: DeviceLive

    public init(id: String, pointID: String, kind: DeviceKind, model: String? = nil, serial: String? = nil, installedOn: String? = nil,
                powerSchedule: OpeningHours? = nil, maintenance: Bool = false, powered: Bool = true, since: Date) {
        self.id = id
        self.pointID = pointID
        self.kind = kind
        self.model = model
        self.serial = serial
        self.installedOn = installedOn
        self.powerSchedule = powerSchedule
        self.maintenance = maintenance
        self.powered = powered
        self.live = DeviceLive(since: since)
    }

    /// Whether the device is meant to be on at `date`: powered, and inside its schedule when it has one
    /// (read in `timeZone`, its point's).
    public func isExpectedOn(at date: Date, timeZone: String) -> Bool {
        guard powered else { return false }
        guard let powerSchedule, let local = TimeZoneCache.localTime(date, in: timeZone) else { return true }
        return powerSchedule.isOpen(at: local) != false
    }

    /// The state at `date`: maintenance first, then off when not expected on, unmonitored before its first
    /// beat, offline when silent for longer than `heartbeatTimeout`, fault when its last beat said so.
    public func status(at date: Date, heartbeatTimeout: TimeInterval, timeZone: String) -> DeviceStatus {
        if maintenance { return .maintenance }
        if !isExpectedOn(at: date, timeZone: timeZone) { return .off }
        guard let lastBeat = live.lastBeatAt else { return .unmonitored }
        if date.timeIntervalSince(lastBeat) > heartbeatTimeout { return .offline }
        return live.fault == nil ? .online : .fault
    }
}
