import Foundation
import PayCircleCore
import PayCircleStore
import PostgresNIO

/// Maps ``PopulationArea`` to and from the PostGIS `areas` table (MultiPolygon, WGS-84).
enum AreaTable {
    static func replace(with areas: [PopulationArea], in transaction: PostgresDatabase.Transaction) async throws {
        try await transaction.query("DELETE FROM areas")
        for area in areas {
            do {
                try await transaction.query("""
                    INSERT INTO areas (id, name, population, geom)
                    VALUES (\(area.id), \(area.name), \(area.population), ST_Multi(ST_GeomFromText(\(area.multiPolygonWKT), 4326)))
                    """)
            } catch where !ConnectionLoss.leftNothingCommitted(error, commitSent: false) {
                throw StoreError("area '\(area.id)': \(StoreError.describing(error))")
            }
        }
    }

    static func load(_ database: PostgresDatabase) async throws -> [PopulationArea] {
        try await database.query("SELECT id, name, population, ST_AsBinary(geom) FROM areas ORDER BY id COLLATE \"C\"").map { row in
            let (id, name, population, geometry) = try row.decode((String, String, Double, ByteBuffer).self)
            return PopulationArea(id: id, name: name, population: population, polygons: try MultiPolygonWKB.polygons(Array(buffer: geometry)))
        }
    }
}
