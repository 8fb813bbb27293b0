import PayCircleCore
import PayCircleStore

/// Maps ``PopulationArea`` to and from the `areas` table (MULTIPOLYGON, WGS-84).
enum AreaRows {
    static func replace(with areas: [PopulationArea], in connection: SQLiteConnection) throws {
        try connection.execute("DELETE FROM areas")
        let insert = try connection.prepare("INSERT INTO areas (id, name, population, geom) VALUES (?, ?, ?, CastToMultiPolygon(GeomFromText(?, 4326)))")
        for area in areas {
            try insert.run([.text(area.id), .text(area.name), .real(area.population), .text(area.multiPolygonWKT)])
        }
        let invalid = try connection.prepare("SELECT id FROM areas WHERE geom IS NULL LIMIT 1")
        if try invalid.step() { throw StoreError("area '\(invalid.text(0) ?? "")' has a geometry SpatiaLite cannot read") }
    }

    static func load(_ connection: SQLiteConnection) throws -> [PopulationArea] {
        let rows = try connection.prepare("SELECT id, name, population, AsBinary(geom) FROM areas ORDER BY id")
        var areas: [PopulationArea] = []
        while try rows.step() {
            guard let id = rows.text(0), let name = rows.text(1), let geometry = rows.blob(3) else {
                throw StoreError("an areas row lacks its id, name or geometry")
            }
            areas.append(PopulationArea(id: id, name: name, population: rows.double(2), polygons: try MultiPolygonWKB.polygons(geometry)))
        }
        return areas
    }
}
