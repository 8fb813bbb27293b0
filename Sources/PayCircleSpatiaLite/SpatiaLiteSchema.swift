import Foundation
import PayCircleStore

/// Brings a SpatiaLite database to the declared schema (``StoreSchema``): `user_version` records the last
/// migration applied, each runs in its own transaction, and value checks are widened to the enums' cases.
enum SpatiaLiteSchema {
    static func version(_ connection: SQLiteConnection) throws -> Int {
        let statement = try connection.prepare("PRAGMA user_version")
        return try statement.step() ? Int(statement.int(0)) : 0
    }

    static func migrate(_ connection: SQLiteConnection) throws {
        let current = try version(connection)
        guard current <= StoreSchema.latestVersion else {
            throw StoreError("the database has schema version \(current), newer than this program's \(StoreSchema.latestVersion)")
        }
        for (version, statements) in StoreSchema.pending(after: current, in: SpatiaLiteDialect()) {
            try connection.transaction {
                if version == 1 { try connection.execute(SpatiaLiteDialect.preamble) }
                for sql in statements { try connection.execute(sql) }
                try connection.execute("PRAGMA user_version = \(version)")
            }
        }
        for check in StoreSchema.valueChecks { try widen(check, connection) }
    }

    /// Widens the table's `CHECK (column IN (...))` when the enum gained a case. SQLite cannot alter a
    /// constraint; allowing more values changes nothing stored, so the table's recorded SQL is rewritten
    /// as SQLite's documentation describes for such changes (writable schema, schema version + 1).
    private static func widen(_ check: ValueCheck, _ connection: SQLiteConnection) throws {
        let read = try connection.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")
        read.bind([.text(check.table)])
        guard try read.step(), let sql = read.text(0) else { return }
        let opening = "CHECK (\(check.column) IN ("
        guard let start = sql.range(of: opening), let end = sql.range(of: "))", range: start.upperBound..<sql.endIndex) else { return }
        guard try check.needsWidening(from: ValueCheck.quotedValues(in: sql[start.upperBound..<end.lowerBound])) else { return }
        let widened = sql.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "CHECK (\(ColumnCheck.values(check.values).sql(column: check.column)))")
        try connection.transaction {
            let schemaVersion = try connection.prepare("PRAGMA schema_version")
            let next = try schemaVersion.step() ? schemaVersion.int(0) + 1 : 1
            try connection.execute("PRAGMA writable_schema = ON")
            try connection.prepare("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?").run([.text(widened), .text(check.table)])
            try connection.execute("PRAGMA schema_version = \(next)")
            try connection.execute("PRAGMA writable_schema = OFF")
        }
    }
}
