import CSpatiaLite
import Foundation
import PayCircleCore
import PayCircleStore

/// The nearest query in SpatiaLite SQL: candidates from the R*Tree inside a circle's MBR, ranked by
/// geodesic `ST_Distance(…, 1)`; the circle doubles until the k-th answer lies provably inside it.
final class SQLNearestBaseline {
    private var db: OpaquePointer?
    private let cache: UnsafeMutableRawPointer?
    private var statement: OpaquePointer?

    static let sql = """
        SELECT id, ST_Distance(geom, MakePoint(?1, ?2, 4326), 1) AS d FROM points
        WHERE ROWID IN (SELECT ROWID FROM SpatialIndex
                        WHERE f_table_name = 'points' AND f_geometry_column = 'geom'
                          AND search_frame = BuildCircleMbr(?1, ?2, ?3, 4326))
        ORDER BY d, id LIMIT ?4
        """

    init(path: String) throws {
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else { throw StoreError("cannot open \(path)") }
        cache = spatialite_alloc_connection()
        spatialite_init_ex(db, cache, 0)
        guard sqlite3_prepare_v2(db, Self.sql, -1, &statement, nil) == SQLITE_OK else {
            throw StoreError(String(cString: sqlite3_errmsg(db)))
        }
    }

    deinit {
        sqlite3_finalize(statement)
        sqlite3_close(db)
        spatialite_cleanup_ex(cache)
    }

    func nearest(_ origin: Coordinate, k: Int) throws -> [String] {
        var radius = 0.002
        while true {
            sqlite3_reset(statement)
            sqlite3_bind_double(statement, 1, origin.longitude)
            sqlite3_bind_double(statement, 2, origin.latitude)
            sqlite3_bind_double(statement, 3, radius)
            sqlite3_bind_int(statement, 4, Int32(k))
            var ids: [String] = []
            var last = 0.0
            while sqlite3_step(statement) == SQLITE_ROW {
                ids.append(String(cString: sqlite3_column_text(statement, 0)))
                last = sqlite3_column_double(statement, 1)
            }
            // The MBR holds every point within radius·(metres per degree of longitude) of the origin.
            let guaranteed = radius * 111_000 * cos(origin.latitude * .pi / 180)
            if ids.count == k && last <= guaranteed { return ids }
            if radius > 180 { return ids }
            radius *= 2
        }
    }
}
