/// The columns a SELECT lists, as an enum whose cases stand in the SELECT's order (their raw values are
/// their positions): rows are read by column name, and the SELECT list is written from the same enum, so
/// the two cannot drift apart.
///
/// ```swift
/// enum Column: Int32, SelectedColumn { case id, name; var sql: String { "\(self)" } }
/// let select = "SELECT \(Column.list) FROM points"
/// row.text(Column.name)
/// ```
protocol SelectedColumn: CaseIterable, RawRepresentable where RawValue == Int32 {
    /// The column's expression in the SELECT list.
    var sql: String { get }
}

extension SelectedColumn {
    /// Every column's expression, in order, for a SELECT list.
    static var list: String { allCases.map(\.sql).joined(separator: ", ") }
}

extension SQLiteStatement {
    func text<Column: SelectedColumn>(_ column: Column) -> String? { text(column.rawValue) }
    func double<Column: SelectedColumn>(_ column: Column) -> Double { double(column.rawValue) }
    func optionalDouble<Column: SelectedColumn>(_ column: Column) -> Double? { optionalDouble(column.rawValue) }
    func int<Column: SelectedColumn>(_ column: Column) -> Int64 { int(column.rawValue) }
}
