import PayCircleStore

extension SQLiteConnection {
    /// Inserts `rows` into `table`, `rowsPerStatement` to a statement (`INSERT … VALUES (…), (…), …`), so
    /// that SQLite's cost per statement run is paid once for many rows; `bind` binds one row's values in
    /// `columns` order, exactly one value a column. Runs inside the caller's transaction; a row whose
    /// binding throws, or binds a wrong number of values, stops the insert before its statement runs.
    ///
    /// ```swift
    /// try connection.insert(into: "network_nodes", columns: ["id", "lat", "lon"], rows: nodes) { node, row in
    ///     row.integer(node.id); row.real(node.lat); row.real(node.lon)
    /// }
    /// ```
    func insert<Rows: Collection>(
        into table: String, columns: [String], rows: Rows, rowsPerStatement: Int = 64,
        bind: (Rows.Element, inout RowBindings) throws -> Void
    ) throws {
        precondition(rowsPerStatement > 0 && rowsPerStatement * columns.count <= 32_766, "SQLite takes at most 32,766 values a statement")
        func statement(rows count: Int) throws(StoreError) -> SQLiteStatement {
            let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
            return try prepare("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                               + Array(repeating: tuple, count: count).joined(separator: ", "))
        }
        let full = try statement(rows: rowsPerStatement)
        var start = rows.startIndex
        while start != rows.endIndex {
            let end = rows.index(start, offsetBy: rowsPerStatement, limitedBy: rows.endIndex) ?? rows.endIndex
            let batch = rows[start..<end]
            try (batch.count == rowsPerStatement ? full : statement(rows: batch.count)).run { (row: inout RowBindings) in
                for (offset, item) in batch.enumerated() {
                    try bind(item, &row)
                    // A row that binds one value too few or too many would shift every later row's columns.
                    guard row.count == (offset + 1) * columns.count else {
                        throw StoreError("a row for \(table) bound \(row.count - offset * columns.count) values for \(columns.count) columns")
                    }
                }
            }
            start = end
        }
    }
}
