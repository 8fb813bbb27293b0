extension QueryParameters {
    /// The parameters of a URL query string (the part after `?`), read as HTTP servers commonly do: pairs
    /// split at `&`, a name split from its value at the first `=`, values percent-decoded (a value whose
    /// escapes are malformed is kept as sent), names taken as they are and `+` left alone. Empty pairs
    /// (`&&`) are skipped: they name nothing.
    ///
    /// ```swift
    /// QueryParameters(queryString: "lat=23.02&lon=113.75&name=%E5%8E%85").string("name")   // "厅"
    /// ```
    public init(queryString: Substring) {
        var text = queryString
        let pairs = text.withUTF8 { bytes in
            var pairs: [(name: String, value: String)] = []
            pairs.reserveCapacity(8)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "&") { end += 1 }
                if end > start {
                    let pair = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                        let value = UnsafeBufferPointer(rebasing: pair[(equals + 1)...])
                        pairs.append((name: String(decoding: UnsafeBufferPointer(rebasing: pair[..<equals]), as: UTF8.self),
                                      value: Self.percentDecoded(value) ?? String(decoding: value, as: UTF8.self)))
                    } else {
                        pairs.append((name: String(decoding: pair, as: UTF8.self), value: ""))
                    }
                }
                start = end + 1
            }
            return pairs
        }
        self.init(pairs: pairs)
    }

    /// `text` with its `%XX` escapes decoded, or nil when an escape is malformed.
    private static func percentDecoded(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        guard text.contains(UInt8(ascii: "%")) else { return String(decoding: text, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var position = 0
        while position < text.count {
            guard text[position] == UInt8(ascii: "%") else {
                bytes.append(text[position])
                position += 1
                continue
            }
            guard position + 2 < text.count, let high = text[position + 1].hexDigitValue, let low = text[position + 2].hexDigitValue else { return nil }
            bytes.append(high << 4 | low)
            position += 3
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
