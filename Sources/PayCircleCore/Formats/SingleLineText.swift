/// The rule for ids and one-line text fields: no control characters. NUL cuts strings short in C
/// libraries and some drivers, line breaks and tabs break CSV and log lines, and the C1 controls
/// (U+0080–U+009F) are invisible; none belongs in a name, an address or an id.
///
/// ```swift
/// try SingleLineText.check(name, field: "name")     // throws InputError naming "name" on "A\tB"
/// ```
public enum SingleLineText {
    /// Whether `scalar` is a control character: U+0000–U+001F, U+007F or U+0080–U+009F (Unicode's
    /// general category Cc).
    @inline(__always)
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F)
    }

    /// The first control character of `text`, or nil when there is none.
    public static func firstControlCharacter(in text: some StringProtocol) -> Unicode.Scalar? {
        // Every control character is encoded as a byte below 0x20, the byte 0x7F, or 0xC2 followed by
        // 0x80–0x9F, so a scan of the UTF-8 bytes finds them without decoding.
        var previousWasC2 = false
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return Unicode.Scalar(byte) }
            if previousWasC2 && byte >= 0x80 && byte <= 0x9F { return Unicode.Scalar(byte) }
            previousWasC2 = byte == 0xC2
        }
        return nil
    }

    /// Throws an ``InputError`` naming `field` when `text` holds a control character.
    public static func check(_ text: some StringProtocol, field: String) throws(InputError) {
        guard let scalar = firstControlCharacter(in: text) else { return }
        throw InputError("contains a control character (\(codePoint(scalar))); it must be one line of text "
                         + "without control characters such as NUL, tabs or line breaks", field: field)
    }

    /// `U+0009` for a tab.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
