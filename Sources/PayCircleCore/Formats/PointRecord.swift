import Foundation

/// The textual fields of one payment point as they come from a CSV row or GeoJSON properties, turned
/// into a validated ``PaymentPoint`` by ``point(crs:now:)``.
///
/// Field names follow DESIGN.md: `id`, `name`, `kind`, `grade`, `agency_type`, `services`,
/// `opening_hours`, `time_zone`, `status`, `address`, `phone`, `source`, `updated_at`, plus `lat` and `lon`.
public struct PointRecord: Sendable {
    public static let fieldNames = [
        "id", "name", "kind", "grade", "agency_type", "services", "opening_hours", "time_zone", "status",
        "address", "phone", "source", "updated_at", "lat", "lon",
    ]

    public var fields: [String: String]

    public init(_ fields: [String: String]) {
        self.fields = fields
    }

    /// Validates the fields and builds the point; coordinates are converted from `crs` to WGS-84.
    public func point(crs: CoordinateSystem = .wgs84, now: Date = Date()) throws(InputError) -> PaymentPoint {
        let id = try required("id")
        guard id.count <= 200, !id.contains(where: \.isNewline) else {
            throw InputError("id must be at most 200 characters on one line", field: "id")
        }
        let name = try required("name")
        let kind: PointKind = try enumValue("kind")!
        let grade: HallGrade? = try enumValue("grade", uppercase: true)
        if grade != nil && kind != .hall { throw InputError("only halls have a grade", field: "grade") }
        let agencyType: AgencyType? = try enumValue("agency_type")
        let services = try serviceSet()
        let hours = try optional("opening_hours").map(OpeningHours.init)
        let timeZone = try optional("time_zone") ?? PaymentPoint.defaultTimeZone
        guard TimeZone(identifier: timeZone) != nil else {
            throw InputError("unknown time zone '\(timeZone)' (expected an IANA name such as Asia/Shanghai)", field: "time_zone")
        }
        let status: PointStatus = try enumValue("status") ?? .online
        var updatedAt = now
        if let text = try optional("updated_at") {
            guard let date = Self.parseTimestamp(text) else {
                throw InputError("'\(text)' is not an ISO 8601 timestamp", field: "updated_at")
            }
            updatedAt = date
        }
        let given = Coordinate(latitude: try number("lat"), longitude: try number("lon"))
        guard abs(given.latitude) <= 90 else { throw InputError("latitude \(given.latitude) is outside -90...90", field: "lat") }
        guard abs(given.longitude) <= 180 else { throw InputError("longitude \(given.longitude) is outside -180...180", field: "lon") }
        return try PaymentPoint(
            id: id, name: name, kind: kind, grade: grade, agencyType: agencyType, services: services,
            openingHours: hours, timeZone: timeZone, status: status, address: optional("address"),
            phone: optional("phone"), source: optional("source"), updatedAt: updatedAt, location: crs.toWGS84(given)
        )
    }

    /// Parses ISO 8601 with or without fractional seconds, or a bare date.
    public static func parseTimestamp(_ text: String) -> Date? {
        if let date = Timestamp.commonMoment(text) { return date }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day())
    }

    /// The field's value without surrounding spaces and tabs, nil when empty; a value holding a control
    /// character (NUL, a tab or line break inside it, U+007F–U+009F) is refused naming the field.
    private func optional(_ field: String) throws(InputError) -> String? {
        guard let value = fields[field]?.trimmedSpaces, !value.isEmpty else { return nil }
        try SingleLineText.check(value, field: field)
        return value
    }

    private func required(_ field: String) throws(InputError) -> String {
        guard let value = try optional(field) else { throw InputError("missing value", field: field) }
        return value
    }

    private func number(_ field: String) throws(InputError) -> Double {
        let text = try required(field)
        guard let value = Double(text), value.isFinite else { throw InputError("'\(text)' is not a number", field: field) }
        return value
    }

    private func enumValue<Value: RawRepresentable & CaseIterable>(
        _ field: String, uppercase: Bool = false
    ) throws(InputError) -> Value? where Value.RawValue == String {
        guard var text = try optional(field) else {
            if field == "kind" { throw InputError("missing value", field: field) }
            return nil
        }
        if uppercase { text = text.uppercased() }
        guard let value = Value(rawValue: text) else {
            let expected = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw InputError("unknown value '\(text)' (expected one of \(expected))", field: field)
        }
        return value
    }

    private func serviceSet() throws(InputError) -> ServiceSet {
        guard let text = try optional("services") else { return [] }
        var services: [PaymentService] = []
        for item in text.split(whereSeparator: { ",;| ".contains($0) }) {
            guard let service = PaymentService(rawValue: String(item)) else {
                let expected = PaymentService.allCases.map(\.rawValue).joined(separator: ", ")
                throw InputError("unknown service '\(item)' (expected \(expected))", field: "services")
            }
            services.append(service)
        }
        return ServiceSet(services)
    }
}
