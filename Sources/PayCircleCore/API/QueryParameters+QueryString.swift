extension QueryParameters {
    /// The parameters of a URL query string (the part after `?`), read as HTTP servers commonly do: pairs
    /// split at `&`, a name split from its value at the first `=`, values percent-decoded (a value whose
    /// escapes are malformed is kept as sent), names taken as they are and `+` left alone.
    ///
    /// ```swift
    /// QueryParameters(queryString: "lat=23.02&lon=113.75&name=%E5%8E%85").string("name")   // "厅"
    /// ```
    public init(queryString: Substring) {
        var pairs: [(name: String, value: String)] = []
        for pair in queryString.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else {
                pairs.append((name: String(Substring(pair)), value: ""))
                continue
            }
            let value = pair[pair.index(after: equals)...]
            pairs.append((name: String(Substring(pair[..<equals])), value: Self.percentDecoded(value) ?? String(Substring(value))))
        }
        self.init(pairs: pairs)
    }

    /// `text` with its `%XX` escapes decoded, or nil when an escape is malformed.
    private static func percentDecoded(_ text: Substring.UTF8View) -> String? {
        guard text.contains(UInt8(ascii: "%")) else { return String(Substring(text)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var position = text.startIndex
        while position != text.endIndex {
            let byte = text[position]
            position = text.index(after: position)
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard position != text.endIndex, let high = hexValue(text[position]) else { return nil }
            position = text.index(after: position)
            guard position != text.endIndex, let low = hexValue(text[position]) else { return nil }
            position = text.index(after: position)
            bytes.append(high << 4 | low)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
