import PayCircleStore
import PostgresNIO

/// Brings a PostGIS database to the declared schema (``StoreSchema``): the last migration applied is
/// recorded in `paycircle_schema`, and value checks are widened to the enums' cases. Concurrent starters
/// are serialised by an advisory lock.
enum PostGISSchema {
    static func migrate(_ database: PostgresDatabase) async throws {
        try await database.query("CREATE EXTENSION IF NOT EXISTS postgis")
        try await database.transaction { transaction in
            try await transaction.query("SELECT pg_advisory_xact_lock(7355608)")
            try await transaction.query("CREATE TABLE IF NOT EXISTS paycircle_schema (version INTEGER NOT NULL)")
            let current = try await version(transaction)
            guard current <= StoreSchema.latestVersion else {
                throw StoreError("the database has schema version \(current), newer than this program's \(StoreSchema.latestVersion)")
            }
            for (_, statements) in StoreSchema.pending(after: current, in: PostGISDialect()) {
                for statement in statements { try await transaction.query(PostgresQuery(unsafeSQL: statement)) }
            }
            try await transaction.query("DELETE FROM paycircle_schema")
            try await transaction.query("INSERT INTO paycircle_schema (version) VALUES (\(StoreSchema.latestVersion))")
            for check in StoreSchema.valueChecks { try await widen(check, transaction) }
        }
    }

    /// Replaces the column's check when the enum gained a case.
    private static func widen(_ check: ValueCheck, _ transaction: PostgresDatabase.Transaction) async throws {
        let name = PostGISDialect.checkName(check)
        let rows = try await transaction.query("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = \(check.table)::regclass AND conname = \(name)")
        guard let definition = try rows.first?.decode(String.self) else { return }
        guard try check.needsWidening(from: ValueCheck.quotedValues(in: definition[...])) else { return }
        try await transaction.query(PostgresQuery(unsafeSQL: """
            ALTER TABLE \(check.table) DROP CONSTRAINT \(name),
                ADD CONSTRAINT \(name) CHECK (\(ColumnCheck.values(check.values).sql(column: check.column)))
            """))
    }

    static func version(_ transaction: PostgresDatabase.Transaction) async throws -> Int {
        try await transaction.query("SELECT max(version) FROM paycircle_schema").first.flatMap { try $0.decode(Int?.self) } ?? 0
    }
}
