import PayCircleStore

/// The declared schema (``StoreSchema``) in PostgreSQL with PostGIS: typed geometry columns and GiST
/// indexes on every geometry column.
struct PostGISDialect: SchemaDialect {
    func statements(for change: SchemaChange, tables: [String: TableDeclaration]) -> [String] {
        switch change {
        case .createTable(let table):
            ["CREATE TABLE \(table.name) (\n    " + table.columns.map(definition).joined(separator: ",\n    ") + "\n)"]
        case .addColumn(let table, let column):
            ["ALTER TABLE \(table) ADD COLUMN \(definition(column))"]
        case .createIndex(let index):
            ["CREATE INDEX \(index.name) ON \(index.table) (\(index.columns.joined(separator: ", ")))"]
        case .createSpatialIndex(let table, let column):
            ["CREATE INDEX \(table)_\(column) ON \(table) USING gist (\(column))"]
        }
    }

    private func definition(_ column: ColumnDeclaration) -> String {
        var parts = [column.name]
        switch column.kind {
        case .text: parts.append("TEXT")
        case .integer: parts.append("INTEGER")
        case .bigInteger: parts.append("BIGINT")
        case .real: parts.append("DOUBLE PRECISION")
        case .boolean: parts.append("BOOLEAN")
        case .sequence: parts.append("BIGSERIAL")
        case .geometry(let type): parts.append("geometry(\(Self.typeName(type)), 4326)")
        }
        parts += column.constraintsSQL(key: "PRIMARY KEY") { "\($0)" }
        return parts.joined(separator: " ")
    }

    private static func typeName(_ type: GeometryType) -> String {
        switch type {
        case .point: "Point"
        case .lineString: "LineString"
        case .multiPolygon: "MultiPolygon"
        }
    }

    /// The name PostgreSQL gives a column's own CHECK constraint.
    static func checkName(_ check: ValueCheck) -> String { "\(check.table)_\(check.column)_check" }
}
