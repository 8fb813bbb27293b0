import CSpatiaLite

/// The parameters of one run of a statement, bound in order (see ``SQLiteStatement/run(_:)-(RowBindings)``):
/// a statement that inserts several rows takes them row after row. SQLite copies text and blobs, so
/// nothing bound needs to outlive the call that binds it.
struct RowBindings {
    private let handle: OpaquePointer
    private var position: Int32 = 1

    init(handle: OpaquePointer) { self.handle = handle }

    /// How many values have been bound so far.
    var count: Int { Int(position) - 1 }

    /// A whole number.
    mutating func integer(_ value: Int64) {
        sqlite3_bind_int64(handle, position, value)
        position += 1
    }

    /// A real number.
    mutating func real(_ value: Double) {
        sqlite3_bind_double(handle, position, value)
        position += 1
    }

    /// Text, or NULL for nil (see ``bindText(_:to:at:)``).
    mutating func text(_ value: String?) {
        if let value { Self.bindText(value, to: handle, at: position) } else { sqlite3_bind_null(handle, position) }
        position += 1
    }

    /// A blob; an empty one stays a blob (SQLite would bind NULL for its null address).
    mutating func blob(_ bytes: UnsafeRawBufferPointer) {
        if let base = bytes.baseAddress {
            sqlite3_bind_blob64(handle, position, base, sqlite3_uint64(bytes.count), SQLiteStatement.transient)
        } else {
            sqlite3_bind_zeroblob(handle, position, 0)
        }
        position += 1
    }

    /// Binds `text` with its UTF-8 byte length rather than as a NUL-terminated C string, so that text
    /// holding a NUL is bound whole. An empty string binds as empty text, never as NULL.
    static func bindText(_ text: String, to handle: OpaquePointer, at position: Int32) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                sqlite3_bind_text(handle, position, "", 0, SQLiteStatement.transient)
                return
            }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
                _ = sqlite3_bind_text64(handle, position, characters, sqlite3_uint64(bytes.count), SQLiteStatement.transient, UInt8(SQLITE_UTF8))
            }
        }
    }
}
