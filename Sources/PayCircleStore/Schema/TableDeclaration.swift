/// One table of the declared schema: its columns in order and its indexes.
public struct TableDeclaration: Sendable, Hashable {
    public let name: String
    public var columns: [ColumnDeclaration]
    /// Whether SQLite keeps the row id as the key, the primary key column being only UNIQUE: SpatiaLite's
    /// spatial index refers to rows by row id.
    public let keepsRowID: Bool
    /// Whether imports write the table whole: SQLite then registers its geometry column after the fact
    /// rather than checking every inserted row, and keeps no spatial index on it (the in-memory graph and
    /// area locator answer spatial questions).
    public let isBulkLoaded: Bool

    public init(_ name: String, keepsRowID: Bool = false, bulkLoaded: Bool = false, _ columns: [ColumnDeclaration]) {
        self.name = name
        self.keepsRowID = keepsRowID
        self.isBulkLoaded = bulkLoaded
        self.columns = columns
    }

    public func column(_ name: String) -> ColumnDeclaration? {
        columns.first { $0.name == name }
    }
}

/// An index on columns of a table; geometry columns get the dialect's spatial index.
public struct IndexDeclaration: Sendable, Hashable {
    public let name: String
    public let table: String
    public let columns: [String]

    public init(_ name: String, on table: String, _ columns: [String]) {
        self.name = name
        self.table = table
        self.columns = columns
    }
}

/// One step of a migration.
public enum SchemaChange: Sendable, Hashable {
    case createTable(TableDeclaration)
    case addColumn(table: String, ColumnDeclaration)
    case createIndex(IndexDeclaration)
    /// A spatial index on a geometry column (an R*Tree in SpatiaLite, GiST in PostGIS).
    case createSpatialIndex(table: String, column: String)
}

/// A numbered set of changes, applied in one transaction; a store records the last number it applied.
public struct SchemaMigration: Sendable {
    public let version: Int
    public let changes: [SchemaChange]

    public init(_ version: Int, _ changes: [SchemaChange]) {
        self.version = version
        self.changes = changes
    }
}
