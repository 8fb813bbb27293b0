import Foundation

/// How much of one local day a device served: of the seconds it was expected on (powered and in its
/// schedule, up to now for today), those not inside an offline or fault incident. Maintenance is
/// planned: its time is neither expected nor down.
///
/// ```swift
/// let day = DeviceAvailability(device: kiosk, date: "2026-12-01", incidents: incidents, point: kiosk7, now: now)
/// day?.share   // 0.98
/// ```
public struct DeviceAvailability: Sendable, Hashable {
    public var date: String
    public var expectedSeconds: Double
    public var downSeconds: Double

    /// The served share of the expected time; nil when nothing was expected.
    public var share: Double? { expectedSeconds > 0 ? max(0, expectedSeconds - downSeconds) / expectedSeconds : nil }

    /// Counted minute by minute over the day (`point` gives its time zone); nil for a date that is not a
    /// `YYYY-MM-DD` day.
    public init?(device: Device, date: String, incidents: [DeviceIncident], point: PaymentPoint, now: Date) {
        guard let start = point.startOfLocalDay(date) else { return nil }
        self.date = date
        expectedSeconds = 0
        downSeconds = 0
        let end = min(now, start.addingTimeInterval(86_400))
        var minute = start
        while minute < end {
            let length = min(60, end.timeIntervalSince(minute))
            let middle = minute.addingTimeInterval(length / 2)
            let within = incidents.filter { $0.deviceID == device.id && $0.start <= middle && ($0.end ?? .distantFuture) > middle }
            if device.isExpectedOn(at: middle, timeZone: point.timeZone), !within.contains(where: { $0.status == .maintenance }) {
                expectedSeconds += length
                if within.contains(where: { $0.status == .offline || $0.status == .fault }) { downSeconds += length }
            }
            minute = minute.addingTimeInterval(60)
        }
    }
}
