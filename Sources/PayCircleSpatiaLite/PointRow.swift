import Foundation
import PayCircleStore
import PayCircleCore

/// Maps ``PaymentPoint`` to and from rows of the `points` table.
enum PointRow {
    static let columns =
        "id, name, kind, grade, agency_type, services, opening_hours, time_zone, status, address, phone, source, updated_at, ST_Y(geom), ST_X(geom)"

    static let upsertSQL = """
        INSERT INTO points (id, name, kind, grade, agency_type, services, opening_hours, time_zone, status,
                            address, phone, source, updated_at, geom)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, MakePoint(?, ?, 4326))
        ON CONFLICT (id) DO UPDATE SET
            name = excluded.name, kind = excluded.kind, grade = excluded.grade, agency_type = excluded.agency_type,
            services = excluded.services, opening_hours = excluded.opening_hours, time_zone = excluded.time_zone,
            status = excluded.status, address = excluded.address, phone = excluded.phone, source = excluded.source,
            updated_at = excluded.updated_at, geom = excluded.geom
        """

    static func values(_ point: PaymentPoint) -> [SQLiteStatement.Value] {
        func optional(_ text: String?) -> SQLiteStatement.Value { text.map { .text($0) } ?? .null }
        return [
            .text(point.id), .text(point.name), .text(point.kind.rawValue), optional(point.grade?.rawValue),
            optional(point.agencyType?.rawValue), .text(point.services.services.map(\.rawValue).joined(separator: ",")),
            optional(point.openingHours?.text), .text(point.timeZone), .text(point.status.rawValue),
            optional(point.address), optional(point.phone), optional(point.source),
            .text(point.updatedAt.formatted(.iso8601)),
            .real(point.location.longitude), .real(point.location.latitude),
        ]
    }

    static func decode(_ row: SQLiteStatement) throws -> PaymentPoint {
        guard let id = row.text(0), let name = row.text(1), let kind = row.text(2).flatMap(PointKind.init(rawValue:)) else {
            throw StoreError("a points row lacks its id, name or kind")
        }
        let services = (row.text(5) ?? "").split(separator: ",").compactMap { PaymentService(rawValue: String($0)) }
        return PaymentPoint(
            id: id, name: name, kind: kind,
            grade: row.text(3).flatMap(HallGrade.init(rawValue:)),
            agencyType: row.text(4).flatMap(AgencyType.init(rawValue:)),
            services: ServiceSet(services),
            openingHours: row.text(6).map(OpeningHours.init),
            timeZone: row.text(7) ?? PaymentPoint.defaultTimeZone,
            status: row.text(8).flatMap(PointStatus.init(rawValue:)) ?? .online,
            address: row.text(9), phone: row.text(10), source: row.text(11),
            updatedAt: row.text(12).flatMap(PointRecord.parseTimestamp) ?? Date(timeIntervalSince1970: 0),
            location: Coordinate(latitude: row.double(13), longitude: row.double(14))
        )
    }
}
