import Foundation
import PayCircleCore
import PayCircleStore
import PostgresNIO

/// Maps ``PaymentPoint`` to and from rows of the PostGIS `points` table. Upserts go in batches, each one
/// statement over a JSON array (`jsonb_to_recordset`), so an import of many points is a few round trips.
enum PointColumns {
    static let select =
        "id, name, kind, grade, agency_type, services, opening_hours, time_zone, status, address, phone, source, updated_at, ST_Y(geom), ST_X(geom), hours_assumed"

    static let batchSize = 10_000

    /// Reads a row of ``select`` straight from its cells' binary bytes (UTF-8 text, big-endian float8):
    /// several times faster than PostgresNIO's generic decoding, which dominated loading a million points.
    static func decode(_ row: PostgresRow) throws -> PaymentPoint {
        var cells = row.makeIterator()
        func text() -> String? {
            guard let cell = cells.next(), var bytes = cell.bytes else { return nil }
            return bytes.readString(length: bytes.readableBytes)
        }
        func number() throws -> Double {
            guard let cell = cells.next(), var bytes = cell.bytes, cell.format == .binary, let bits = bytes.readInteger(as: UInt64.self) else {
                throw StoreError("a points row lacks its position")
            }
            return Double(bitPattern: bits)
        }
        guard let id = text(), let name = text(), let kindText = text(), let kind = PointKind(rawValue: kindText) else {
            throw StoreError("a points row lacks its id, name or kind")
        }
        let grade = text(), agencyType = text(), services = text() ?? "", openingHours = text()
        let timeZone = text() ?? PaymentPoint.defaultTimeZone, status = text()
        let address = text(), phone = text(), source = text(), updatedAt = text()
        let latitude = try number(), longitude = try number()
        var assumed = cells.next()?.bytes
        let hoursAssumed = assumed?.readInteger(as: UInt8.self).map { $0 != 0 } ?? false
        return PaymentPoint(
            id: id, name: name, kind: kind,
            grade: grade.flatMap(HallGrade.init(rawValue:)),
            agencyType: agencyType.flatMap(AgencyType.init(rawValue:)),
            services: ServiceSet(services.split(separator: ",").compactMap { PaymentService(rawValue: String($0)) }),
            openingHours: openingHours.map(OpeningHours.init),
            timeZone: timeZone,
            status: status.flatMap(PointStatus.init(rawValue:)) ?? .online,
            address: address, phone: phone, source: source,
            updatedAt: updatedAt.flatMap(PointRecord.parseTimestamp) ?? Date(timeIntervalSince1970: 0),
            location: Coordinate(latitude: latitude, longitude: longitude),
            hoursAssumed: hoursAssumed
        )
    }

    /// One point as a JSON object for `jsonb_to_recordset`, which keeps absent values NULL.
    struct Row: Encodable {
        let id, name, kind: String
        let grade, agency_type: String?
        let services: String
        let opening_hours: String?
        let time_zone, status: String
        let address, phone, source: String?
        let updated_at: String
        let lat, lon: Double
        let hours_assumed: Bool

        init(_ point: PaymentPoint) {
            id = point.id
            name = point.name
            kind = point.kind.rawValue
            grade = point.grade?.rawValue
            agency_type = point.agencyType?.rawValue
            services = point.services.services.map(\.rawValue).joined(separator: ",")
            opening_hours = point.openingHours?.text
            time_zone = point.timeZone
            status = point.status.rawValue
            address = point.address
            phone = point.phone
            source = point.source
            updated_at = point.updatedAt.formatted(.iso8601)
            lat = point.location.latitude
            lon = point.location.longitude
            hours_assumed = point.hoursAssumed
        }
    }

    /// Inserts or replaces `points` by id; a later duplicate of an id wins, as it would row by row.
    static func upsert(_ points: [PaymentPoint], in transaction: PostgresDatabase.Transaction) async throws {
        var last: [String: Int] = [:]
        for (index, point) in points.enumerated() { last[point.id] = index }
        let unique = points.indices.filter { last[points[$0].id] == $0 }.map { points[$0] }
        for start in stride(from: 0, to: unique.count, by: batchSize) {
            let rows = String(decoding: try JSONEncoder().encode(unique[start..<min(start + batchSize, unique.count)].map(Row.init)), as: UTF8.self)
            try await transaction.query("""
                INSERT INTO points (id, name, kind, grade, agency_type, services, opening_hours, time_zone, status,
                                    address, phone, source, updated_at, geom, hours_assumed)
                SELECT id, name, kind, grade, agency_type, services, opening_hours, time_zone, status, address, phone, source,
                       updated_at, ST_SetSRID(ST_MakePoint(lon, lat), 4326), hours_assumed
                FROM jsonb_to_recordset(\(rows)::jsonb) AS row (
                    id text, name text, kind text, grade text, agency_type text, services text, opening_hours text, time_zone text,
                    status text, address text, phone text, source text, updated_at text, lat float8, lon float8, hours_assumed boolean)
                ON CONFLICT (id) DO UPDATE SET
                    name = excluded.name, kind = excluded.kind, grade = excluded.grade, agency_type = excluded.agency_type,
                    services = excluded.services, opening_hours = excluded.opening_hours, time_zone = excluded.time_zone,
                    status = excluded.status, address = excluded.address, phone = excluded.phone, source = excluded.source,
                    updated_at = excluded.updated_at, geom = excluded.geom, hours_assumed = excluded.hours_assumed
                """)
        }
    }
}
