import PayCircleCore
import PayCircleStore

/// Maps ``ResidentialBuilding`` to and from the `residential_buildings` table; a replacement runs inside
/// the caller's transaction.
enum BuildingRows {
    static func replace(with buildings: [ResidentialBuilding], in connection: SQLiteConnection) throws {
        try connection.execute("DELETE FROM residential_buildings")
        let insert = try connection.prepare("INSERT INTO residential_buildings (id, lat, lon, footprint_m2, levels) VALUES (?, ?, ?, ?, ?)")
        for building in buildings {
            guard building.location.isValid else { throw StoreError("building '\(building.id)' has an invalid position") }
            try insert.run([.text(building.id), .real(building.location.latitude), .real(building.location.longitude),
                            .real(building.footprint), .real(building.levels)])
        }
    }

    static func load(_ connection: SQLiteConnection) throws -> [ResidentialBuilding] {
        let rows = try connection.prepare("SELECT id, lat, lon, footprint_m2, levels FROM residential_buildings ORDER BY id")
        var buildings: [ResidentialBuilding] = []
        while try rows.step() {
            buildings.append(ResidentialBuilding(id: rows.text(0) ?? "", location: Coordinate(latitude: rows.double(1), longitude: rows.double(2)),
                                                 footprint: rows.double(3), levels: rows.double(4)))
        }
        return buildings
    }
}
