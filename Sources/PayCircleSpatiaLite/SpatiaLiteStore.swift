import Foundation
import PayCircleCore
import PayCircleStore

/// The embedded store: one SpatiaLite file in WAL mode with an R*Tree spatial index on the points.
///
/// ```swift
/// let store = try SpatiaLiteStore(path: "paycircle.sqlite")
/// try await store.write(PointChange(upserts: points))
/// ```
public final class SpatiaLiteStore: DataStore {
    public let path: String
    let pool: ConnectionPool

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        pool = try ConnectionPool(path: path)
        try pool.writeNow { connection in
            try connection.execute("PRAGMA journal_mode = WAL")
            // FULL: a commit reaches the disk before it is acknowledged, so a write answered 201 survives
            // a power loss too, not only a crash of the process (WAL with NORMAL may lose the last ones).
            try connection.execute("PRAGMA synchronous = FULL")
            try SpatiaLiteSchema.migrate(connection)
        }
    }

    public func schemaVersion() async throws -> Int {
        try await pool.read { connection in try SpatiaLiteSchema.version(connection) }
    }

    public func loadPoints() async throws -> [PaymentPoint] {
        try await pool.read { connection in
            let statement = try connection.prepare("SELECT \(PointRow.columns) FROM points ORDER BY id")
            var points: [PaymentPoint] = []
            while try statement.step() { points.append(try PointRow.decode(statement)) }
            return points
        }
    }

    public func point(id: String) async throws -> PaymentPoint? {
        try await pool.read { connection in
            let statement = try connection.prepare("SELECT \(PointRow.columns) FROM points WHERE id = ?")
            statement.bind([.text(id)])
            return try statement.step() ? try PointRow.decode(statement) : nil
        }
    }

    public func replaceAreas(_ areas: [PopulationArea]) async throws {
        try await pool.write { connection in try connection.transaction { try AreaRows.replace(with: areas, in: connection) } }
    }

    public func loadAreas() async throws -> [PopulationArea] {
        try await pool.read { connection in try AreaRows.load(connection) }
    }

    public func loadNetwork() async throws -> WalkingNetworkData {
        try await pool.read { connection in try NetworkRows.load(connection) }
    }

    public func loadBuildings() async throws -> [ResidentialBuilding] {
        try await pool.read { connection in try BuildingRows.load(connection) }
    }

    public func loadCandidates() async throws -> [CandidateSite] {
        try await pool.read { connection in try CandidateRows.load(connection) }
    }

    @discardableResult
    public func write(_ change: PointChange, layers: OSMLayers?) async throws -> PointChangeSummary {
        try await pool.write { connection in
            // The OSM layers are bulk-loaded without SQLite's foreign-key lookups: `NetworkRows` checks
            // every edge's ends against the nodes it writes in the same transaction.
            guard let layers else { return try self.apply(change, layers: nil, in: connection) }
            return try connection.withoutForeignKeyChecks { try self.apply(change, layers: layers, in: connection) }
        }
    }

    private func apply(_ change: PointChange, layers: OSMLayers?, in connection: SQLiteConnection) throws -> PointChangeSummary {
        try connection.transaction {
            if let layers {
                try NetworkRows.replace(with: layers.network, in: connection)
                try BuildingRows.replace(with: layers.buildings, in: connection)
                try CandidateRows.replace(with: layers.candidates, in: connection)
            }
            var summary = PointChangeSummary()
            var removed = Set<String>()
            if let scope = change.replace {
                let (condition, values): (String, [SQLiteStatement.Value]) = switch scope {
                case .all: ("1", [])
                case .source(let source): ("source = ?", [.text(source)])
                }
                let select = try connection.prepare("SELECT id FROM points WHERE \(condition)")
                select.bind(values)
                while try select.step() { if let id = select.text(0) { removed.insert(id) } }
                try connection.prepare("DELETE FROM points WHERE \(condition)").run(values)
            }
            let delete = try connection.prepare("DELETE FROM points WHERE id = ?")
            for id in change.deletions {
                try delete.run([.text(id)])
                if connection.changes > 0 { removed.insert(id) }
            }
            let exists = try connection.prepare("SELECT 1 FROM points WHERE id = ?")
            let upsert = try connection.prepare(PointRow.upsertSQL)
            for point in change.upserts {
                guard point.location.isValid else {
                    throw StoreError("point '\(point.id)' has an invalid position \(point.location)")
                }
                exists.bind([.text(point.id)])
                if try exists.step() { summary.updated += 1 } else if removed.remove(point.id) != nil {
                    summary.updated += 1
                } else {
                    summary.inserted += 1
                }
                try upsert.run(PointRow.values(point))
            }
            summary.deleted = removed.count
            summary.removedIDs = removed.sorted()
            if let audit = change.audit {
                try connection.prepare("INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")
                    .run([.text(Timestamp.utcString(audit.at)), .text(audit.actor), .text(audit.action), .text(audit.target), .text(audit.detail)])
            }
            return summary
        }
    }
}
