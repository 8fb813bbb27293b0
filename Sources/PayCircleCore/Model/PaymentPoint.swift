import Foundation

/// A place where a customer can pay an electricity bill.
///
/// ```swift
/// let kiosk = PaymentPoint(id: "k-17", name: "南城自助缴费终端", kind: .kiosk,
///                          location: Coordinate(latitude: 23.01, longitude: 113.75),
///                          openingHours: OpeningHours("24/7"))
/// ```
public struct PaymentPoint: Sendable, Hashable, Identifiable {
    /// The default time zone of channels: China has one civil time zone.
    public static let defaultTimeZone = "Asia/Shanghai"

    public var id: String
    public var name: String
    public var kind: PointKind
    public var grade: HallGrade?
    public var agencyType: AgencyType?
    public var services: ServiceSet
    public var openingHours: OpeningHours?
    /// Whether `openingHours` is an assumption of the import's channel mapping for a feature nobody tagged
    /// with hours (e.g. an ATM taken as `24/7`), not what the map says.
    public var hoursAssumed: Bool
    public var timeZone: String
    public var status: PointStatus
    public var address: String?
    public var phone: String?
    public var source: String?
    public var updatedAt: Date
    /// WGS-84 position.
    public var location: Coordinate

    public init(
        id: String, name: String, kind: PointKind, grade: HallGrade? = nil, agencyType: AgencyType? = nil,
        services: ServiceSet = [], openingHours: OpeningHours? = nil, timeZone: String = defaultTimeZone,
        status: PointStatus = .online, address: String? = nil, phone: String? = nil, source: String? = nil,
        updatedAt: Date = Date(timeIntervalSince1970: 0), location: Coordinate, hoursAssumed: Bool = false
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.grade = grade
        self.agencyType = agencyType
        self.services = services
        self.openingHours = openingHours
        self.hoursAssumed = hoursAssumed
        self.timeZone = timeZone
        self.status = status
        self.address = address
        self.phone = phone
        self.source = source
        self.updatedAt = updatedAt
        self.location = location
    }

    /// Whether the point is open at `date`: its hours say open in its own time zone and it is online.
    ///
    /// Returns `nil` when that cannot be known: no hours, hours that could not be parsed, or hours whose
    /// answer depends on a public holiday.
    public func isOpen(at date: Date) -> Bool? {
        guard status == .online else { return false }
        guard let openingHours, let local = TimeZoneCache.localTime(date, in: timeZone) else { return nil }
        return openingHours.isOpen(at: local)
    }
}
