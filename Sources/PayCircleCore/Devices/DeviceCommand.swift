import Foundation

/// A command queued for a device: delivered in the answer to its next heartbeat, acknowledged in a later one.
public struct DeviceCommand: Sendable, Hashable {
    public var id: String
    public var deviceID: String
    public var action: DeviceAction
    public var queuedAt: Date
    /// The token that queued it.
    public var queuedBy: String
    public var deliveredAt: Date?
    public var acknowledgedAt: Date?

    public init(id: String, deviceID: String, action: DeviceAction, queuedAt: Date, queuedBy: String, deliveredAt: Date? = nil, acknowledgedAt: Date? = nil) {
        self.id = id
        self.deviceID = deviceID
        self.action = action
        self.queuedAt = queuedAt
        self.queuedBy = queuedBy
        self.deliveredAt = deliveredAt
        self.acknowledgedAt = acknowledgedAt
    }
}
