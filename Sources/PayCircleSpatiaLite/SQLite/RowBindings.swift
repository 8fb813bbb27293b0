import CSpatiaLite

/// The parameters of one run of a statement, bound in order (see ``SQLiteStatement/run(_:)``); a
/// statement inserting several rows takes them row after row. SQLite copies text and blobs.
struct RowBindings {
    let handle: OpaquePointer
    private var position: Int32 = 1

    init(handle: OpaquePointer) { self.handle = handle }

    mutating func integer(_ value: Int64) {
        sqlite3_bind_int64(handle, position, value)
        position += 1
    }

    mutating func real(_ value: Double) {
        sqlite3_bind_double(handle, position, value)
        position += 1
    }

    /// Text as its UTF-8 bytes, so a NUL inside is kept; nil binds NULL, and empty text stays text.
    mutating func text(_ value: String?) {
        if var value {
            value.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { characters in
                    if let base = characters.baseAddress {
                        _ = sqlite3_bind_text64(handle, position, base, sqlite3_uint64(characters.count), SQLiteStatement.transient, UInt8(SQLITE_UTF8))
                    } else {
                        sqlite3_bind_text(handle, position, "", 0, SQLiteStatement.transient)
                    }
                }
            }
        } else {
            sqlite3_bind_null(handle, position)
        }
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
}
