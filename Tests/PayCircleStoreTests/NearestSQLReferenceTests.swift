import CSpatiaLite
import Foundation
import PayCircleCore
import PayCircleSpatiaLite
import PayCircleStore
import PayCircleTestSupport
import Testing
import PayCircleSimulation

/// The in-memory nearest search against SpatiaLite's own geodesic `ST_Distance(…, 1)` over the same rows.
@Suite struct NearestSQLReferenceTests {
    @Test func rankingEqualsSpatiaLiteGeodesicOrder() async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("s.sqlite").path
        var random = SeededGenerator(seed: 5)
        let points = (0..<2_000).map { i in
            PaymentPoint(id: String(format: "p%04d", i), name: "p\(i)", kind: .agency,
                         location: Coordinate(latitude: .random(in: 22.9...23.1, using: &random), longitude: .random(in: 113.6...113.9, using: &random)))
        }
        let registry = try await PointRegistry(store: SpatiaLiteStore(path: path))
        try await registry.apply(PointChange(upserts: points))

        var db: OpaquePointer?
        #expect(sqlite3_open(path, &db) == SQLITE_OK)
        defer { sqlite3_close(db) }
        let cache = spatialite_alloc_connection()
        spatialite_init_ex(db, cache, 0)
        defer { spatialite_cleanup_ex(cache) }
        var statement: OpaquePointer?
        let sql = "SELECT id, ST_Distance(geom, MakePoint(?1, ?2, 4326), 1) AS d FROM points ORDER BY d, id LIMIT 5"
        #expect(sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK)
        defer { sqlite3_finalize(statement) }

        for _ in 0..<40 {
            let query = Coordinate(latitude: .random(in: 22.9...23.1, using: &random), longitude: .random(in: 113.6...113.9, using: &random))
            sqlite3_reset(statement)
            sqlite3_bind_double(statement, 1, query.longitude)
            sqlite3_bind_double(statement, 2, query.latitude)
            var expected: [(String, Double)] = []
            while sqlite3_step(statement) == SQLITE_ROW {
                expected.append((String(cString: sqlite3_column_text(statement, 0)), sqlite3_column_double(statement, 1)))
            }
            let found = registry.nearest(NearestQuery(location: query, k: 5))
            #expect(found.map(\.point.id) == expected.map(\.0))
            for (match, reference) in zip(found, expected) {
                #expect(abs(match.distance - reference.1) < 0.01)
            }
        }
    }
}
