import Foundation

/// The JSON view of a payment point; coordinates in the caller's coordinate system.
public struct PointJSON: Encodable, Sendable {
    public var point: PaymentPoint
    public var crs: CoordinateSystem

    public init(_ point: PaymentPoint, crs: CoordinateSystem = .wgs84) {
        self.point = point
        self.crs = crs
    }

    enum Key: String, CodingKey {
        case id, name, kind, grade, agencyType = "agency_type", services, openingHours = "opening_hours"
        case timeZone = "time_zone", status, address, phone, source, updatedAt = "updated_at", lat, lon
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try encodeFields(into: &c)
    }

    func encodeFields(into c: inout KeyedEncodingContainer<Key>) throws {
        let position = crs.fromWGS84(point.location)
        try c.encode(point.id, forKey: .id)
        try c.encode(point.name, forKey: .name)
        try c.encode(point.kind, forKey: .kind)
        try c.encodeIfPresent(point.grade, forKey: .grade)
        try c.encodeIfPresent(point.agencyType, forKey: .agencyType)
        try c.encode(point.services, forKey: .services)
        try c.encodeIfPresent(point.openingHours?.text, forKey: .openingHours)
        try c.encode(point.timeZone, forKey: .timeZone)
        try c.encode(point.status, forKey: .status)
        try c.encodeIfPresent(point.address, forKey: .address)
        try c.encodeIfPresent(point.phone, forKey: .phone)
        try c.encodeIfPresent(point.source, forKey: .source)
        try c.encode(point.updatedAt.formatted(.iso8601), forKey: .updatedAt)
        try c.encode(Self.rounded(position.latitude), forKey: .lat)
        try c.encode(Self.rounded(position.longitude), forKey: .lon)
    }

    /// Seven decimals: about a centimetre.
    static func rounded(_ degrees: Double) -> Double { (degrees * 1e7).rounded() / 1e7 }
}
