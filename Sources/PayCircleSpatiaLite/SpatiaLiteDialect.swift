import PayCircleStore

/// The declared schema (``StoreSchema``) in SQLite with SpatiaLite: geometry columns registered through
/// SpatiaLite's functions, R*Tree spatial indexes on tables that are not bulk-loaded.
public struct SpatiaLiteDialect: SchemaDialect {
    public init() {}

    /// Run once, before the first migration: spatial metadata with the WGS-84 family of systems only.
    static let preamble = "SELECT InitSpatialMetadata(0, 'WGS84')"

    public func statements(for change: SchemaChange, tables: [String: TableDeclaration]) -> [String] {
        switch change {
        case .createTable(let table):
            let geometry = table.columns.filter(\.isGeometry)
            // A checked geometry column is added by SpatiaLite; a bulk-loaded one is a plain BLOB column
            // registered afterwards, so that inserts skip SpatiaLite's per-row checks.
            let inline = table.columns.filter { !$0.isGeometry || table.isBulkLoaded }
            var statements = ["CREATE TABLE \(table.name) (\n    " + inline.map { definition($0, in: table) }.joined(separator: ",\n    ") + "\n)"]
            for column in geometry {
                statements.append(register(column, in: table))
            }
            return statements
        case .addColumn(let table, let column):
            guard let existing = tables[table] else { return [] }
            return column.isGeometry ? [register(column, in: existing)] : ["ALTER TABLE \(table) ADD COLUMN \(definition(column, in: existing))"]
        case .createIndex(let index):
            return ["CREATE INDEX \(index.name) ON \(index.table) (\(index.columns.joined(separator: ", ")))"]
        case .createSpatialIndex(let table, let column):
            guard tables[table]?.isBulkLoaded == false else { return [] }
            return ["SELECT CreateSpatialIndex('\(table)', '\(column)')"]
        }
    }

    func definition(_ column: ColumnDeclaration, in table: TableDeclaration) -> String {
        var parts = [column.name]
        switch column.kind {
        case .text: parts.append("TEXT")
        case .integer, .bigInteger, .boolean: parts.append("INTEGER")
        case .real: parts.append("REAL")
        case .sequence: return "\(column.name) INTEGER PRIMARY KEY AUTOINCREMENT"
        case .geometry: return "\(column.name) BLOB"
        }
        parts += column.constraintsSQL(key: table.keepsRowID ? "NOT NULL UNIQUE" : "PRIMARY KEY") { $0 ? "1" : "0" }
        return parts.joined(separator: " ")
    }

    private func register(_ column: ColumnDeclaration, in table: TableDeclaration) -> String {
        guard case .geometry(let type) = column.kind else { return "" }
        return table.isBulkLoaded
            ? "SELECT RecoverGeometryColumn('\(table.name)', '\(column.name)', 4326, '\(type.rawValue)', 'XY')"
            : "SELECT AddGeometryColumn('\(table.name)', '\(column.name)', 4326, '\(type.rawValue)', 'XY', \(column.isNullable ? 0 : 1))"
    }
}

extension ColumnDeclaration {
    var isGeometry: Bool {
        if case .geometry = kind { return true }
        return false
    }
}
