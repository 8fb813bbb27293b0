/// One column of the declared schema (``StoreSchema``), in terms both SQL dialects render.
///
/// ```swift
/// .text("status", default: "online", check: .oneOf(PointStatus.self))
/// ```
public struct ColumnDeclaration: Sendable, Hashable {
    /// What the column holds; each dialect picks its own SQL type.
    public enum Kind: Sendable, Hashable {
        case text
        /// 32-bit and up (INTEGER in both dialects).
        case integer
        /// 64-bit (SQLite's INTEGER is always 64-bit; BIGINT in PostgreSQL).
        case bigInteger
        case real
        case boolean
        /// An increasing 64-bit key filled in by the database.
        case sequence
        case geometry(GeometryType)
    }

    public enum DefaultValue: Sendable, Hashable {
        case text(String)
        case boolean(Bool)
    }

    public let name: String
    public let kind: Kind
    public let isNullable: Bool
    public let isPrimaryKey: Bool
    public let defaultValue: DefaultValue?
    public let check: ColumnCheck?
    /// `table.column` this column refers to.
    public let reference: (table: String, column: String)?

    public init(_ name: String, _ kind: Kind, nullable: Bool = false, primaryKey: Bool = false, default defaultValue: DefaultValue? = nil,
                check: ColumnCheck? = nil, references reference: (table: String, column: String)? = nil) {
        self.name = name
        self.kind = kind
        self.isNullable = nullable
        self.isPrimaryKey = primaryKey
        self.defaultValue = defaultValue
        self.check = check
        self.reference = reference
    }

    public static func text(_ name: String, nullable: Bool = false, primaryKey: Bool = false, default value: String? = nil,
                            check: ColumnCheck? = nil) -> ColumnDeclaration {
        ColumnDeclaration(name, .text, nullable: nullable, primaryKey: primaryKey, default: value.map(DefaultValue.text), check: check)
    }

    public static func real(_ name: String, check: ColumnCheck? = nil) -> ColumnDeclaration {
        ColumnDeclaration(name, .real, check: check)
    }

    public static func integer(_ name: String, primaryKey: Bool = false, check: ColumnCheck? = nil,
                               references reference: (table: String, column: String)? = nil) -> ColumnDeclaration {
        ColumnDeclaration(name, .integer, primaryKey: primaryKey, check: check, references: reference)
    }

    /// The column's constraints after its type, as both dialects write them: `key` for a primary key,
    /// else NOT NULL unless nullable, then REFERENCES, DEFAULT (booleans as `boolean` writes them) and CHECK.
    public func constraintsSQL(key: String, boolean: (Bool) -> String) -> [String] {
        var parts: [String] = []
        if isPrimaryKey { parts.append(key) } else if !isNullable { parts.append("NOT NULL") }
        if let reference { parts.append("REFERENCES \(reference.table) (\(reference.column))") }
        switch defaultValue {
        case .text(let text)?: parts.append("DEFAULT \(SQLText.literal(text))")
        case .boolean(let flag)?: parts.append("DEFAULT \(boolean(flag))")
        case nil: break
        }
        if let check { parts.append("CHECK (\(check.sql(column: name)))") }
        return parts
    }

    public static func == (a: ColumnDeclaration, b: ColumnDeclaration) -> Bool {
        a.name == b.name && a.kind == b.kind && a.isNullable == b.isNullable && a.isPrimaryKey == b.isPrimaryKey
            && a.defaultValue == b.defaultValue && a.check == b.check && a.reference?.table == b.reference?.table
            && a.reference?.column == b.reference?.column
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(kind)
    }
}

/// The kinds of geometry the store keeps, all in WGS-84 (SRID 4326).
public enum GeometryType: String, Sendable, Hashable {
    case point = "POINT"
    case lineString = "LINESTRING"
    case multiPolygon = "MULTIPOLYGON"
}

/// A rule on one column's values.
public enum ColumnCheck: Sendable, Hashable {
    /// One of the raw values of a Swift enum; the allowed list follows the enum (``StoreSchema`` widens a
    /// store's check when a case is added).
    case values([String])
    /// At least this number.
    case atLeast(Double)
    /// More than this number.
    case above(Double)

    /// Every raw value of `type`, in declaration order.
    public static func oneOf<Value: CaseIterable & RawRepresentable>(_ type: Value.Type) -> ColumnCheck where Value.RawValue == String {
        .values(type.allCases.map(\.rawValue))
    }

    /// The condition in SQL (the same in both dialects).
    public func sql(column: String) -> String {
        switch self {
        case .values(let values): "\(column) IN (\(values.map(SQLText.literal).joined(separator: ", ")))"
        case .atLeast(let bound): "\(column) >= \(SQLText.number(bound))"
        case .above(let bound): "\(column) > \(SQLText.number(bound))"
        }
    }
}
