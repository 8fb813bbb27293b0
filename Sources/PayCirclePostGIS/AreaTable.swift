import Foundation
import PayCircleCore
import PayCircleStore
import PostgresNIO

/// Maps ``PopulationArea`` to and from the PostGIS `areas` table (MultiPolygon, WGS-84).
enum AreaTable {
    static func replace(with areas: [PopulationArea], in transaction: PostgresSession.Transaction) throws {
        try transaction.query("DELETE FROM areas")
        for area in areas {
            do {
                try transaction.query("""
                    INSERT INTO areas (id, name, population, geom)
                    VALUES (\(area.id), \(area.name), \(area.population), ST_Multi(ST_GeomFromText(\(area.multiPolygonWKT), 4326)))
                    """)
            } catch {
                throw StoreError("area '\(area.id)': \(error)")
            }
        }
    }

    static func load(_ session: PostgresSession) throws -> [PopulationArea] {
        try session.query("SELECT id, name, population, ST_AsGeoJSON(geom, 17) FROM areas ORDER BY id COLLATE \"C\"").map { row in
            let (id, name, population, json) = try row.decode((String, String, Double, String).self)
            guard let geometry = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
                throw StoreError("area '\(id)' has no readable geometry")
            }
            return PopulationArea(id: id, name: name, population: population, polygons: try AreaFileReader.polygons(fromGeometry: geometry))
        }
    }
}
