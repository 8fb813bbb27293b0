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
/// let store = try PostGISStore(PostgresLocation("postgres://paycircle@127.0.0.1:5432/paycircle"))
/// let registry = try PointRegistry(store: store)
/// ```
public final class PostGISStore: PointStore {
    public let session: PostgresSession
    public var location: PostgresLocation { session.location }

    /// Opens the database at `location`, enables PostGIS and brings the schema up to date.
    public init(_ location: PostgresLocation) throws {
        session = try PostgresSession(location)
        try PostGISSchema.migrate(session)
    }

    public func schemaVersion() throws -> Int {
        try session.transaction { try PostGISSchema.version($0) }
    }

    public func loadPoints() throws -> [PaymentPoint] {
        try session.map("SELECT \(unescaped: PointColumns.select) FROM points ORDER BY id COLLATE \"C\"", PointColumns.decode)
    }

    public func point(id: String) throws -> PaymentPoint? {
        try session.query("SELECT \(unescaped: PointColumns.select) FROM points WHERE id = \(id)").first.map(PointColumns.decode)
    }

    @discardableResult
    public func write(_ change: PointChange, layers: OSMLayers?) throws -> PointChangeSummary {
        for point in change.upserts where !point.location.isValid {
            throw StoreError("point '\(point.id)' has an invalid position \(point.location)")
        }
        return try session.transaction { transaction in
            if let layers {
                try NetworkTables.replace(with: layers.network, in: transaction)
                try LayerTables.replaceBuildings(with: layers.buildings, in: transaction)
                try LayerTables.replaceCandidates(with: layers.candidates, in: transaction)
            }
            var removed = Set<String>()
            switch change.replace {
            case .all?: removed.formUnion(try transaction.query("DELETE FROM points RETURNING id").map { try $0.decode(String.self) })
            case .source(let source)?:
                removed.formUnion(try transaction.query("DELETE FROM points WHERE source = \(source) RETURNING id").map { try $0.decode(String.self) })
            case nil: break
            }
            if !change.deletions.isEmpty {
                removed.formUnion(try transaction.query("DELETE FROM points WHERE id = ANY(\(change.deletions)) RETURNING id").map { try $0.decode(String.self) })
            }
            var summary = PointChangeSummary()
            let ids = change.upserts.map(\.id)
            var existing = Set(try transaction.query("SELECT id FROM points WHERE id = ANY(\(ids))").map { try $0.decode(String.self) })
            for id in ids {
                if existing.contains(id) || removed.remove(id) != nil { summary.updated += 1 } else { summary.inserted += 1 }
                existing.insert(id)
            }
            try PointColumns.upsert(change.upserts, in: transaction)
            summary.deleted = removed.count
            summary.removedIDs = removed.sorted()
            if let audit = change.audit {
                try transaction.query("""
                    INSERT INTO audit_log (at, actor, action, target, detail)
                    VALUES (\(Timestamp.utcString(audit.at)), \(audit.actor), \(audit.action), \(audit.target), \(audit.detail))
                    """)
            }
            try PointNotice(upserts: ids, removed: summary.removedIDs, layers: layers != nil).send(in: transaction)
            return summary
        }
    }

    public func loadNetwork() throws -> WalkingNetworkData {
        try NetworkTables.load(session)
    }

    public func loadBuildings() throws -> [ResidentialBuilding] {
        try LayerTables.loadBuildings(session)
    }

    public func loadCandidates() throws -> [CandidateSite] {
        try LayerTables.loadCandidates(session)
    }

    public func replaceAreas(_ areas: [PopulationArea]) throws {
        try session.transaction { try AreaTable.replace(with: areas, in: $0) }
    }

    public func loadAreas() throws -> [PopulationArea] {
        try AreaTable.load(session)
    }
}
