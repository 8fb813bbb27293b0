/// Finding the first byte sequence that is not well-formed UTF-8.
enum UTF8Check {
    /// The 1-based line of the first byte sequence that is not UTF-8, or nil when all of `bytes` is.
    static func firstInvalidLine(in bytes: UnsafeRawBufferPointer) -> Int? {
        var line = 1
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0x0A { line += 1 }
                index += 1
                continue
            }
            // Length and the allowed range of the second byte, per the Unicode table of well-formed UTF-8.
            let (length, low, high): (Int, UInt8, UInt8) = switch lead {
            case 0xC2...0xDF: (2, 0x80, 0xBF)
            case 0xE0: (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
            case 0xED: (3, 0x80, 0x9F)
            case 0xF0: (4, 0x90, 0xBF)
            case 0xF1...0xF3: (4, 0x80, 0xBF)
            case 0xF4: (4, 0x80, 0x8F)
            default: (0, 0, 0)
            }
            guard length > 0, index + length <= bytes.count, (low...high).contains(bytes[index + 1]),
                  (2..<length).allSatisfy({ (0x80...0xBF).contains(bytes[index + $0]) }) else { return line }
            index += length
        }
        return nil
    }
}
