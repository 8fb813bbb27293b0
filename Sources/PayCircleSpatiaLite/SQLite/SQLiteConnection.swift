import CSpatiaLite
import PayCircleStore
import Foundation

/// One SQLite connection with SpatiaLite loaded, used by one thread at a time (the pool hands it out).
///
/// SpatiaLite is linked directly: `spatialite_initialize()` runs once per process, and each connection
/// gets its own cache from `spatialite_alloc_connection()` registered with `spatialite_init_ex()`.
final class SQLiteConnection {
    private static let initializeSpatiaLite: Void = { spatialite_initialize() }()

    let handle: OpaquePointer
    private let spatialiteCache: UnsafeMutableRawPointer?

    init(path: String, readOnly: Bool = false) throws(StoreError) {
        _ = Self.initializeSpatiaLite
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw StoreError("cannot open the database \(path): \(message)")
        }
        handle = db
        spatialiteCache = spatialite_alloc_connection()
        spatialite_init_ex(db, spatialiteCache, 0)
        sqlite3_busy_timeout(db, 10_000)
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit {
        sqlite3_close_v2(handle)
        if let spatialiteCache { spatialite_cleanup_ex(spatialiteCache) }
    }

    /// Runs one or more SQL statements that take no parameters.
    func execute(_ sql: String) throws(StoreError) {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(error)
            throw StoreError("\(message) (in: \(sql.prefix(120)))")
        }
    }

    func prepare(_ sql: String) throws(StoreError) -> SQLiteStatement {
        try SQLiteStatement(connection: self, sql: sql)
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` with SQLite's foreign-key checks off, for bulk loads that check their references
    /// themselves rather than have SQLite look each one up again. The setting cannot change inside a
    /// transaction, so `body` opens its own.
    func withoutForeignKeyChecks<T>(_ body: () throws -> T) throws -> T {
        try execute("PRAGMA foreign_keys = OFF")
        let result = Result { try body() }
        // Back on, and checked: inside a transaction left open the setting would not change.
        try execute("PRAGMA foreign_keys = ON")
        let check = try prepare("PRAGMA foreign_keys")
        guard try check.step(), check.int(0) == 1 else { throw StoreError("foreign-key checks could not be turned back on") }
        return try result.get()
    }

    /// Rows changed by the last statement.
    var changes: Int { Int(sqlite3_changes(handle)) }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }
}
