import Foundation
import PayCircleCore

/// The device ledger, what devices last reported, their incidents and their commands.
public protocol DeviceRepository: Sendable {
    /// Creates devices or replaces their ledger entries and controls, keeping what each last reported; all
    /// or nothing.
    func saveDevices(_ devices: [Device]) async throws
    /// Removes a device with its commands (its incidents stay on record); false when there was none.
    func deleteDevice(id: String) async throws -> Bool
    func device(id: String) async throws -> Device?
    /// Every device, or those of one point, by id.
    func devices(pointID: String?) async throws -> [Device]
    /// Writes `live` as the device's last report and state if its stored status is still `expected` (so
    /// that one of several instances makes a change): when the status changes, the open incident ends at
    /// `live.since` and, for an incident status, a new one begins then. False when the status was no
    /// longer `expected`.
    func updateLive(deviceID: String, expected: DeviceStatus, live: DeviceLive) async throws -> Bool
    /// Incidents that match `filter`, oldest first (by device id when they began together).
    func incidents(_ filter: IncidentFilter) async throws -> [DeviceIncident]
    func queueCommand(_ command: DeviceCommand) async throws
    /// Marks the device's undelivered commands delivered at `at` and answers every command it has not
    /// acknowledged, oldest first.
    func deliverCommands(deviceID: String, at: Date) async throws -> [DeviceCommand]
    /// Marks those of `ids` that are the device's delivered, unacknowledged commands acknowledged at `at`;
    /// answers them.
    func acknowledgeCommands(deviceID: String, ids: [String], at: Date) async throws -> [DeviceCommand]
    /// Adds what a device's counters rose by to its hour starting at `hourStart`.
    func addCounts(deviceID: String, pointID: String, hourStart: Date, increases: [String: Int]) async throws
    /// What every device's counters rose by, per point, hour and counter, for hours starting in `from..<to`.
    func counts(from: Date, to: Date) async throws -> [DeviceCount]
}

/// What one point's devices' counter rose by in one hour.
public struct DeviceCount: Sendable, Hashable {
    public var pointID: String
    public var hourStart: Date
    public var counter: String
    public var increase: Int

    public init(pointID: String, hourStart: Date, counter: String, increase: Int) {
        self.pointID = pointID
        self.hourStart = hourStart
        self.counter = counter
        self.increase = increase
    }
}

/// Which incidents to list: open or ended ones (either when nil), of a point or a device, overlapping
/// `from..<to`.
public struct IncidentFilter: Sendable, Hashable {
    public var open: Bool?
    public var pointID: String?
    public var deviceID: String?
    public var from: Date?
    public var to: Date?

    public init(open: Bool? = nil, pointID: String? = nil, deviceID: String? = nil, from: Date? = nil, to: Date? = nil) {
        self.open = open
        self.pointID = pointID
        self.deviceID = deviceID
        self.from = from
        self.to = to
    }
}
