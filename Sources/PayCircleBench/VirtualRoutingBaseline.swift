import CSpatiaLite
import Foundation
import PayCircleCore
import PayCircleStore

/// SpatiaLite's VirtualRouting over the stored network edges, with the same walking-time costs
/// (steps slower) as PayCircle's graph, built by `CreateRouting`.
final class VirtualRoutingBaseline {
    private var db: OpaquePointer?
    private let cache: UnsafeMutableRawPointer?
    private var route: OpaquePointer?

    init(path: String, profile: WalkingProfile) throws {
        guard sqlite3_open(path, &db) == SQLITE_OK else { throw StoreError("cannot open \(path)") }
        cache = spatialite_alloc_connection()
        spatialite_init_ex(db, cache, 0)
        let secondsPerMetre = 1 / profile.metresPerSecond
        try execute("""
            DROP TABLE IF EXISTS bench_edges;
            CREATE TABLE bench_edges AS
              SELECT id, source, target,
                     length_m * \(secondsPerMetre) * (CASE class WHEN 'steps' THEN \(profile.stepsSlowdown) ELSE 1 END) AS cost,
                     1 - oneway AS backward, 1 AS forward
              FROM network_edges;
            """)
        var check: OpaquePointer?
        defer { sqlite3_finalize(check) }
        sqlite3_prepare_v2(db, """
            SELECT CreateRouting('bench_routing_data', 'bench_routing', 'bench_edges', 'source', 'target', NULL, 'cost', NULL, 0, 1, 'forward', 'backward', 1),
                   CreateRouting_GetLastError()
            """, -1, &check, nil)
        guard sqlite3_step(check) == SQLITE_ROW, sqlite3_column_int(check, 0) == 1 else {
            let reason = sqlite3_column_text(check, 1).map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(db))
            throw StoreError("CreateRouting failed: \(reason)")
        }
        guard sqlite3_prepare_v2(db, "SELECT Cost FROM bench_routing WHERE NodeFrom = ?1 AND NodeTo = ?2", -1, &route, nil) == SQLITE_OK else {
            throw StoreError(String(cString: sqlite3_errmsg(db)))
        }
    }

    deinit {
        sqlite3_finalize(route)
        sqlite3_close(db)
        spatialite_cleanup_ex(cache)
    }

    private func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &error) == SQLITE_OK else {
            defer { sqlite3_free(error) }
            throw StoreError(error.map { String(cString: $0) } ?? "VirtualRouting setup failed")
        }
    }

    /// The cost of the quickest route: the first row (role "Route") of VirtualRouting's answer, whose
    /// following rows list the links walked. (VirtualRouting answers nothing when the query has a LIMIT.)
    func cost(from: Int64, to: Int64) throws -> Double {
        sqlite3_reset(route)
        sqlite3_bind_int64(route, 1, from)
        sqlite3_bind_int64(route, 2, to)
        guard sqlite3_step(route) == SQLITE_ROW else { throw StoreError("VirtualRouting found no route: \(String(cString: sqlite3_errmsg(db)))") }
        return sqlite3_column_double(route, 0)
    }
}
