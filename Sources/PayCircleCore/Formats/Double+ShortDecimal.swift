extension Double {
    /// The value of a plain decimal of at most 19 digits, such as `22.912345`, `-113.5`, `+7` or `.25`,
    /// exactly as `Double(text)` reads it; nil for any other text (an exponent, more digits, a letter, a
    /// space), which the caller then gives to `Double(_:)`.
    ///
    /// The digits make an exact integer `m` and the places `p` after the point; when `m` ≤ 2^53 and
    /// `p` ≤ 22, both `m` and 10^p are exact doubles, so the one division `m / 10^p` is the correctly
    /// rounded value of the decimal (Clinger's fast path), the value C's `strtod` finds by a longer road.
    ///
    /// ```swift
    /// Double(shortDecimal: "22.912345")   // 22.912345
    /// Double(shortDecimal: "1e3")         // nil
    /// ```
    public init?(shortDecimal text: some StringProtocol) {
        var utf8 = text.utf8.makeIterator()
        var byte = utf8.next()
        let negative = byte == UInt8(ascii: "-")
        if negative || byte == UInt8(ascii: "+") { byte = utf8.next() }
        var mantissa: UInt64 = 0, digits = 0, places = 0, sawPoint = false
        while let current = byte {
            if current == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else if current >= UInt8(ascii: "0"), current <= UInt8(ascii: "9") {
                digits += 1
                guard digits <= 19 else { return nil }
                mantissa = mantissa * 10 + UInt64(current - UInt8(ascii: "0"))
                if sawPoint { places += 1 }
            } else {
                return nil
            }
            byte = utf8.next()
        }
        guard digits > 0, mantissa <= 1 << 53, places < Self.exactPowersOfTen.count else { return nil }
        let magnitude = Double(mantissa) / Self.exactPowersOfTen[places]
        self = negative ? -magnitude : magnitude
    }

    /// 10^0 through 10^22: the powers of ten a double holds exactly.
    private static let exactPowersOfTen: [Double] = (0...22).map { (exponent: Int) -> Double in
        (0..<exponent).reduce(1.0) { power, _ in power * 10 }
    }
}
