extension StringProtocol {
    /// The text without leading and trailing spaces and tabs. Pure Swift: Foundation's
    /// `trimmingCharacters(in:)` bridges through NSString on Linux and is slow on request paths.
    public var trimmedSpaces: String {
        // Most text has nothing to trim: seen from its first and last bytes, without walking its characters.
        let isBlankByte = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last, !isBlankByte(first), !isBlankByte(last) { return text }
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
