import Foundation
import PayCircleStore
import PayCircleCore

/// Maps ``PaymentPoint`` to and from rows of the `points` table.
enum PointRow {
    /// The columns a point is read from, in SELECT order.
    enum Column: Int32, SelectedColumn {
        case id, name, kind, grade, agencyType, services, openingHours, timeZone, status, address, phone, source, updatedAt, latitude, longitude, hoursAssumed

        var sql: String {
            switch self {
            case .agencyType: "agency_type"
            case .openingHours: "opening_hours"
            case .timeZone: "time_zone"
            case .updatedAt: "updated_at"
            case .latitude: "ST_Y(geom)"
            case .longitude: "ST_X(geom)"
            case .hoursAssumed: "hours_assumed"
            default: "\(self)"
            }
        }
    }

    static var columns: String { Column.list }

    static let upsertSQL = """
        INSERT INTO points (id, name, kind, grade, agency_type, services, opening_hours, time_zone, status,
                            address, phone, source, updated_at, geom, hours_assumed)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, MakePoint(?, ?, 4326), ?)
        ON CONFLICT (id) DO UPDATE SET
            name = excluded.name, kind = excluded.kind, grade = excluded.grade, agency_type = excluded.agency_type,
            services = excluded.services, opening_hours = excluded.opening_hours, time_zone = excluded.time_zone,
            status = excluded.status, address = excluded.address, phone = excluded.phone, source = excluded.source,
            updated_at = excluded.updated_at, geom = excluded.geom, hours_assumed = excluded.hours_assumed
        """

    static func values(_ point: PaymentPoint) -> [SQLiteStatement.Value] {
        func optional(_ text: String?) -> SQLiteStatement.Value { text.map { .text($0) } ?? .null }
        return [
            .text(point.id), .text(point.name), .text(point.kind.rawValue), optional(point.grade?.rawValue),
            optional(point.agencyType?.rawValue), .text(point.services.services.map(\.rawValue).joined(separator: ",")),
            optional(point.openingHours?.text), .text(point.timeZone), .text(point.status.rawValue),
            optional(point.address), optional(point.phone), optional(point.source),
            .text(point.updatedAt.formatted(.iso8601)),
            .real(point.location.longitude), .real(point.location.latitude), .integer(point.hoursAssumed ? 1 : 0),
        ]
    }

    static func decode(_ row: SQLiteStatement) throws -> PaymentPoint {
        guard let id = row.text(Column.id), let name = row.text(Column.name), let kind = row.text(Column.kind).flatMap(PointKind.init(rawValue:)) else {
            throw StoreError("a points row lacks its id, name or kind")
        }
        let services = (row.text(Column.services) ?? "").split(separator: ",").compactMap { PaymentService(rawValue: String($0)) }
        return PaymentPoint(
            id: id, name: name, kind: kind,
            grade: row.text(Column.grade).flatMap(HallGrade.init(rawValue:)),
            agencyType: row.text(Column.agencyType).flatMap(AgencyType.init(rawValue:)),
            services: ServiceSet(services),
            openingHours: row.text(Column.openingHours).map(OpeningHours.init),
            timeZone: row.text(Column.timeZone) ?? PaymentPoint.defaultTimeZone,
            status: row.text(Column.status).flatMap(PointStatus.init(rawValue:)) ?? .online,
            address: row.text(Column.address), phone: row.text(Column.phone), source: row.text(Column.source),
            updatedAt: row.text(Column.updatedAt).flatMap(PointRecord.parseTimestamp) ?? Date(timeIntervalSince1970: 0),
            location: Coordinate(latitude: row.double(Column.latitude), longitude: row.double(Column.longitude)),
            hoursAssumed: row.int(Column.hoursAssumed) != 0
        )
    }
}
