import PayCircleStore

extension SpatiaLiteStore {
    /// What SQLite's `PRAGMA integrity_check` finds wrong with the database file: empty when it is sound.
    ///
    /// ```swift
    /// let problems = try store.integrityProblems()   // [] after a clean run or a crash alike
    /// ```
    public func integrityProblems() async throws -> [String] {
        try await pool.read { connection in
            let rows = try connection.prepare("PRAGMA integrity_check")
            var problems: [String] = []
            while try rows.step() {
                if let row = rows.text(0), row != "ok" { problems.append(row) }
            }
            return problems
        }
    }
}
