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
        case blob([UInt8])
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
            case .text(let text): Self.bindText(text, to: handle, at: position)
            case .blob(let bytes):
                bytes.withUnsafeBytes { _ = sqlite3_bind_blob64(handle, position, $0.baseAddress, sqlite3_uint64($0.count), Self.transient) }
            }
        }
        return self
    }

    /// Binds `text` with its UTF-8 byte length rather than as a NUL-terminated C string, so that text
    /// holding a NUL is bound whole. An empty string binds as empty text, never as NULL.
    private static func bindText(_ text: String, to handle: OpaquePointer, at position: Int32) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                sqlite3_bind_text(handle, position, "", 0, Self.transient)
                return
            }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
                _ = sqlite3_bind_text64(handle, position, characters, sqlite3_uint64(bytes.count), Self.transient, UInt8(SQLITE_UTF8))
            }
        }
    }

    /// Runs the statement once with the values `bind` sets, in parameter order, straight into the
    /// statement: no array of values is made, for bulk loads of many thousand rows.
    ///
    /// ```swift
    /// try insert.run { row in row.integer(id); row.text(name); row.real(length) }
    /// ```
    /// When `bind` throws, the statement is not run.
    func run(_ bind: (inout RowBindings) throws -> Void) throws {
        sqlite3_reset(handle)
        var row = RowBindings(handle: handle)
        try bind(&row)
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

    /// SQLite's SQLITE_TRANSIENT: copy bound text before returning.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
