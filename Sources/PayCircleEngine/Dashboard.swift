import Foundation
import PayCircleCore

/// The control room's picture of every hall and device at one moment, for `/dashboard`, its event
/// stream, `GET /v1/dashboard` and the `/metrics` gauges: halls by grade with their queues and today's
/// work, kiosks and booths with their devices, open incidents, alerts, and the four themes (today's
/// accepted count, counter business by hour, today's handling times, self-service business by hour).
public struct Dashboard: Sendable, Hashable {
    /// One hall or bank branch.
    public struct Hall: Sendable, Hashable {
        public var point: PaymentPoint
        /// People waiting at its counters, over all services, by its newest report.
        public var waiting: Int
        public var openCounters: Int
        /// A walk-in's wait now (the quickest service), nil when the hall has no fresh report.
        public var waitSeconds: Double?
        public var reportedAt: Date?
        public var fresh: Bool
        /// Numbers called today at its counters, by local hour (24 entries).
        public var servedByHour: [Int]
        /// The mean handling time its reports gave today.
        public var meanHandlingSeconds: Double?
        public var devices: [DeviceStatus: Int]
        public var openIncidents: Int

        public var servedToday: Int { servedByHour.reduce(0, +) }
    }

    /// A kiosk or bank booth.
    public struct Machine: Sendable, Hashable {
        public var point: PaymentPoint
        public var devices: [DeviceStatus: Int]
        /// Transactions its devices counted today.
        public var transactionsToday: Int
    }

    /// Something the control room should look at now.
    public struct Alert: Sendable, Hashable {
        public enum Kind: String, Sendable, CaseIterable {
            case longWait = "long_wait", deviceDown = "device_down", staleReport = "stale_report"
        }

        public var kind: Kind
        public var pointID: String
        public var deviceID: String?
        public var since: Date
        public var message: String
    }

    /// When an alert is raised: a wait longer than `waitSeconds`, a device down (offline or fault) longer
    /// than `deviceDownSeconds`; a hall whose newest report is older than the wait model's report age is stale.
    public struct Thresholds: Sendable, Hashable {
        public var waitSeconds: Double
        public var deviceDownSeconds: Double

        public init(waitSeconds: Double = 1_200, deviceDownSeconds: Double = 600) {
            self.waitSeconds = waitSeconds
            self.deviceDownSeconds = deviceDownSeconds
        }
    }

    public var at: Date
    /// The local day the day's figures are of (`YYYY-MM-DD`, in the time zone most halls keep).
    public var day: String
    /// Halls by grade (A first), then id; bank branches last.
    public var halls: [Hall]
    public var machines: [Machine]
    public var devices: [DeviceStatus: Int]
    public var openIncidents: [DeviceIncident]
    public var alerts: [Alert]
    /// Self-service transactions today by local hour (24 entries), over every device.
    public var selfServiceByHour: [Int]

    /// Counter business by local hour today, over every hall.
    public var counterByHour: [Int] { (0..<24).map { hour in halls.reduce(0) { $0 + $1.servedByHour[hour] } } }
    /// Today's accepted count: numbers called at counters and self-service transactions.
    public var acceptedToday: Int { counterByHour.reduce(0, +) + selfServiceByHour.reduce(0, +) }
}
