extension StringProtocol {
    /// The text without leading and trailing spaces and tabs. Pure Swift: Foundation's
    /// `trimmingCharacters(in:)` bridges through NSString on Linux and is slow on request paths.
    public var trimmedSpaces: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
