import Foundation

/// What a customer asks for: the `k` nearest channels to a place, with optional filters.
///
/// ```swift
/// var query = NearestQuery(location: here, k: 5)
/// query.kinds = [.kiosk, .bankBooth]
/// query.openAt = Date()           // only channels open now
/// ```
public struct NearestQuery: Sendable {
    public static let kRange = 1...100

    /// WGS-84 origin.
    public var location: Coordinate
    public var k: Int
    /// Only these kinds; `nil` for all.
    public var kinds: Set<PointKind>?
    /// Channels must offer every one of these services.
    public var services: ServiceSet
    /// Only these statuses; `nil` for all.
    public var statuses: Set<PointStatus>?
    /// When set, only channels known to be open at this moment.
    public var openAt: Date?
    /// The moment the `open` flag of each result refers to: `openAt` when set, otherwise now.
    public var evaluatedAt: Date
    /// Maximum geodesic distance in metres.
    public var maxDistance: Double?

    public init(
        location: Coordinate, k: Int = 5, kinds: Set<PointKind>? = nil, services: ServiceSet = [],
        statuses: Set<PointStatus>? = nil, openAt: Date? = nil, evaluatedAt: Date = Date(), maxDistance: Double? = nil
    ) {
        self.location = location
        self.k = k
        self.kinds = kinds
        self.services = services
        self.statuses = statuses
        self.openAt = openAt
        self.evaluatedAt = openAt ?? evaluatedAt
        self.maxDistance = maxDistance
    }

    /// True when no filter but distance applies.
    var isUnfiltered: Bool { kinds == nil && services.isEmpty && statuses == nil && openAt == nil }

    /// Whether `point` passes every filter but the opening-hours one.
    func matchesAttributes(_ point: PaymentPoint) -> Bool {
        if let kinds, !kinds.contains(point.kind) { return false }
        if !point.services.isSuperset(of: services) { return false }
        if let statuses, !statuses.contains(point.status) { return false }
        return true
    }
}
