import Foundation

/// The JSON view of a payment point; coordinates in the caller's coordinate system.
public struct PointJSON: JSONWritable, Sendable {
    public var point: PaymentPoint
    public var crs: CoordinateSystem

    public init(_ point: PaymentPoint, crs: CoordinateSystem = .wgs84) {
        self.point = point
        self.crs = crs
    }

    public func write(to json: inout JSONWriter) {
        json.object { json in writeFields(to: &json) }
    }

    /// The point's fields, for objects that add fields of their own.
    func writeFields(to json: inout JSONWriter) {
        let position = crs.fromWGS84(point.location)
        json.field("id", point.id)
        json.field("name", point.name)
        json.field("kind", point.kind.rawValue)
        json.optionalField("grade", point.grade?.rawValue)
        json.optionalField("agency_type", point.agencyType?.rawValue)
        json.key("services")
        json.array { json in for service in point.services.services { json.string(service.rawValue) } }
        json.optionalField("opening_hours", point.openingHours?.text)
        if point.hoursAssumed { json.field("hours_assumed", true) }
        json.field("time_zone", point.timeZone)
        json.field("status", point.status.rawValue)
        json.optionalField("address", point.address)
        json.optionalField("phone", point.phone)
        json.optionalField("source", point.source)
        json.field("updated_at", point.updatedAt)
        // Seven decimals: about a centimetre.
        json.field("lat", position.latitude, places: 7)
        json.field("lon", position.longitude, places: 7)
    }
}
