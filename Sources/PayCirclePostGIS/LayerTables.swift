import PayCircleCore
import PayCircleStore
import PostgresNIO

/// Maps the residential buildings and candidate sites of an OSM import to and from their PostGIS tables;
/// replacements run inside the caller's transaction.
enum LayerTables {
    static let batchSize = 50_000

    static func replaceBuildings(with buildings: [ResidentialBuilding], in transaction: PostgresDatabase.Transaction) async throws {
        try await transaction.query("DELETE FROM residential_buildings")
        if let bad = buildings.first(where: { !$0.location.isValid }) { throw StoreError("building '\(bad.id)' has an invalid position") }
        for start in stride(from: 0, to: buildings.count, by: batchSize) {
            let batch = buildings[start..<min(start + batchSize, buildings.count)]
            try await transaction.query("""
                INSERT INTO residential_buildings (id, lat, lon, footprint_m2, levels)
                SELECT * FROM unnest(\(batch.map(\.id)), \(batch.map(\.location.latitude)), \(batch.map(\.location.longitude)),
                                     \(batch.map(\.footprint)), \(batch.map(\.levels)))
                """)
        }
    }

    static func loadBuildings(_ database: PostgresDatabase) async throws -> [ResidentialBuilding] {
        try await database.query("SELECT id, lat, lon, footprint_m2, levels FROM residential_buildings ORDER BY id COLLATE \"C\"").map { row in
            let (id, lat, lon, footprint, levels) = try row.decode((String, Double, Double, Double, Double).self)
            return ResidentialBuilding(id: id, location: Coordinate(latitude: lat, longitude: lon), footprint: footprint, levels: levels)
        }
    }

    static func replaceCandidates(with sites: [CandidateSite], in transaction: PostgresDatabase.Transaction) async throws {
        try await transaction.query("DELETE FROM candidate_sites")
        if let bad = sites.first(where: { !$0.location.isValid }) { throw StoreError("candidate site '\(bad.id)' has an invalid position") }
        for start in stride(from: 0, to: sites.count, by: batchSize) {
            let batch = sites[start..<min(start + batchSize, sites.count)]
            try await transaction.query("""
                INSERT INTO candidate_sites (id, name, lat, lon)
                SELECT * FROM unnest(\(batch.map(\.id)), \(batch.map(\.name)), \(batch.map(\.location.latitude)), \(batch.map(\.location.longitude)))
                """)
        }
    }

    static func loadCandidates(_ database: PostgresDatabase) async throws -> [CandidateSite] {
        try await database.query("SELECT id, name, lat, lon FROM candidate_sites ORDER BY id COLLATE \"C\"").map { row in
            let (id, name, lat, lon) = try row.decode((String, String, Double, Double).self)
            return CandidateSite(id: id, name: name, location: Coordinate(latitude: lat, longitude: lon))
        }
    }
}
