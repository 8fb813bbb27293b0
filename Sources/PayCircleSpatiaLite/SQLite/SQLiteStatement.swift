import CSpatiaLite
import PayCircleStore
import Foundation

/// A prepared statement with typed binding and column access. Values are always bound, never spliced
/// into SQL text.
final class SQLiteStatement {
    private let connection: SQLiteConnection
    private let handle: OpaquePointer
    let sql: String

    init(connection: SQLiteConnection, sql: String) throws(StoreError) {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection.handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw StoreError("\(connection.lastErrorMessage) (in: \(sql.prefix(120)))")
        }
        self.connection = connection
        self.handle = statement
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// A value that can be bound to a parameter.
    enum Value {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
    }

    @discardableResult
    func bind(_ values: [Value]) -> SQLiteStatement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let position = Int32(offset + 1)
            switch value {
            case .null: sqlite3_bind_null(handle, position)
            case .integer(let number): sqlite3_bind_int64(handle, position, number)
            case .real(let number): sqlite3_bind_double(handle, position, number)
            case .text(let text): RowBindings.bindText(text, to: handle, at: position)
            }
        }
        return self
    }

    /// Runs the statement once with the values `bind` sets, in parameter order, straight into the
    /// statement: no array of values is made, for bulk loads of many thousand rows. When `bind` throws,
    /// or binds fewer or more values than the statement takes, the statement is not run.
    ///
    /// ```swift
    /// try insert.run { row in row.integer(id); row.text(name); row.real(length) }
    /// ```
    func run(_ bind: (inout RowBindings) throws -> Void) throws {
        sqlite3_reset(handle)
        var row = RowBindings(handle: handle)
        try bind(&row)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard row.count == expected else {
            throw StoreError("\(row.count) values bound where the statement takes \(expected) (in: \(sql.prefix(120)))")
        }
        while try step() {}
    }

    /// Advances to the next row; false when the statement is done.
    func step() throws(StoreError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw StoreError("\(connection.lastErrorMessage) (in: \(sql.prefix(120)))")
        }
    }

    /// Runs the statement to completion, ignoring rows.
    func run(_ values: [Value] = []) throws(StoreError) {
        bind(values)
        while try step() {}
    }

    /// The column as text, whole: its length comes from `sqlite3_column_bytes` (asked after
    /// `sqlite3_column_text`, as SQLite requires), so an embedded NUL does not cut it short.
    func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    func blob(_ column: Int32) -> [UInt8]? {
        guard let pointer = sqlite3_column_blob(handle, column) else { return nil }
        return Array(UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column))))
    }

    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    /// The column as a number, nil when it is NULL.
    func optionalDouble(_ column: Int32) -> Double? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
    }
    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// SQLite's SQLITE_TRANSIENT: SQLite copies bound text and blobs before the binding call returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
