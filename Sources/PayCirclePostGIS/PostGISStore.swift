import Foundation
import PayCircleCore
import PayCircleStore
import PostgresNIO

/// The store on PostgreSQL + PostGIS, for several service instances over one database: the same tables
/// and behaviour as ``SpatiaLiteStore``, GiST indexes on the geometries, every write one transaction, and
/// a notification on the `paycircle_points` channel in that transaction, which ``PostGISChangeFeed``
/// delivers to every instance when it commits.
///
/// ```swift
/// let store = try await PostGISStore.open(PostgresLocation("postgres://paycircle@127.0.0.1:5432/paycircle"))
/// let registry = try await PointRegistry(store: store)
/// ```
public final class PostGISStore: DataStore {
    public let database: PostgresDatabase
    public var location: PostgresLocation { database.location }

    /// Opens the database at `location` with a pool of up to `maxConnections`, enables PostGIS and brings
    /// the schema up to date.
    public static func open(_ location: PostgresLocation, maxConnections: Int = 16) async throws -> PostGISStore {
        let database = try await PostgresDatabase.open(location, maxConnections: maxConnections)
        try await PostGISSchema.migrate(database)
        return PostGISStore(database: database)
    }

    private init(database: PostgresDatabase) {
        self.database = database
    }

    public func schemaVersion() async throws -> Int {
        try await database.transaction { try await PostGISSchema.version($0) }
    }

    public func loadPoints() async throws -> [PaymentPoint] {
        try await database.map("SELECT \(unescaped: PointColumns.select) FROM points ORDER BY id COLLATE \"C\"", PointColumns.decode)
    }

    public func point(id: String) async throws -> PaymentPoint? {
        try await database.query("SELECT \(unescaped: PointColumns.select) FROM points WHERE id = \(id)").first.map(PointColumns.decode)
    }

    @discardableResult
    public func write(_ change: PointChange, layers: OSMLayers?) async throws -> PointChangeSummary {
        for point in change.upserts where !point.location.isValid {
            throw StoreError("point '\(point.id)' has an invalid position \(point.location)")
        }
        return try await database.transaction { transaction in
            if let layers {
                try await NetworkTables.replace(with: layers.network, in: transaction)
                try await LayerTables.replaceBuildings(with: layers.buildings, in: transaction)
                try await LayerTables.replaceCandidates(with: layers.candidates, in: transaction)
            }
            var removed = Set<String>()
            switch change.replace {
            case .all?: removed.formUnion(try await transaction.query("DELETE FROM points RETURNING id").map { try $0.decode(String.self) })
            case .source(let source)?:
                removed.formUnion(try await transaction.query("DELETE FROM points WHERE source = \(source) RETURNING id").map { try $0.decode(String.self) })
            case nil: break
            }
            if !change.deletions.isEmpty {
                removed.formUnion(try await transaction.query("DELETE FROM points WHERE id = ANY(\(change.deletions)) RETURNING id").map { try $0.decode(String.self) })
            }
            var summary = PointChangeSummary()
            let ids = change.upserts.map(\.id)
            var existing = Set(try await transaction.query("SELECT id FROM points WHERE id = ANY(\(ids))").map { try $0.decode(String.self) })
            for id in ids {
                if existing.contains(id) || removed.remove(id) != nil { summary.updated += 1 } else { summary.inserted += 1 }
                existing.insert(id)
            }
            try await PointColumns.upsert(change.upserts, in: transaction)
            summary.deleted = removed.count
            summary.removedIDs = removed.sorted()
            if let audit = change.audit {
                try await transaction.query("""
                    INSERT INTO audit_log (at, actor, action, target, detail)
                    VALUES (\(Timestamp.utcString(audit.at)), \(audit.actor), \(audit.action), \(audit.target), \(audit.detail))
                    """)
            }
            try await PointNotice(upserts: ids, removed: summary.removedIDs, layers: layers != nil).send(in: transaction)
            return summary
        }
    }

    public func loadNetwork() async throws -> WalkingNetworkData {
        try await NetworkTables.load(database)
    }

    public func loadBuildings() async throws -> [ResidentialBuilding] {
        try await LayerTables.loadBuildings(database)
    }

    public func loadCandidates() async throws -> [CandidateSite] {
        try await LayerTables.loadCandidates(database)
    }

    public func replaceAreas(_ areas: [PopulationArea]) async throws {
        try await database.transaction { try await AreaTable.replace(with: areas, in: $0) }
    }

    public func loadAreas() async throws -> [PopulationArea] {
        try await AreaTable.load(database)
    }
}
