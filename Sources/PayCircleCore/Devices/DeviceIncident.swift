import Foundation

/// A stretch of time a device was offline, faulty or in maintenance; open while `end` is nil.
public struct DeviceIncident: Sendable, Hashable {
    public var id: String
    public var deviceID: String
    public var pointID: String
    public var status: DeviceStatus
    /// The fault reported, for a fault.
    public var detail: String?
    public var start: Date
    public var end: Date?

    public init(id: String, deviceID: String, pointID: String, status: DeviceStatus, detail: String? = nil, start: Date, end: Date? = nil) {
        self.id = id
        self.deviceID = deviceID
        self.pointID = pointID
        self.status = status
        self.detail = detail
        self.start = start
        self.end = end
    }

    public var isOpen: Bool { end == nil }
}
