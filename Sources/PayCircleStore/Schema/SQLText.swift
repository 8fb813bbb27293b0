/// Literals written into schema statements (which cannot take bound parameters).
public enum SQLText {
    /// `'it''s'`: a string literal, quotes doubled.
    public static func literal(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    /// `0`, `2.5`: whole numbers without a fraction.
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
