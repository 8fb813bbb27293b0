import PayCircleCore

/// A small, strict XML tokenizer for OSM files: start tags with their attributes (entities decoded),
/// end tags, with comments, processing instructions, CDATA and a DOCTYPE without internal subset skipped.
/// It checks that tags nest and close, and reports the line of the first problem.
///
/// ```swift
/// var tokenizer = XMLTokenizer(bytes)
/// while let token = try tokenizer.next() { ... }
/// ```
struct XMLTokenizer {
    enum Token {
        case start(name: String, attributes: [String: String], isEmpty: Bool)
        case end(name: String)
    }

    static let maxDepth = 64

    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    private var open: [String] = []
    private var sawRoot = false

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Where the tokenizer has come to, in bytes.
    var position: Int { offset }

    /// The next start or end tag, or nil at the end of a well-formed document.
    mutating func next() throws(InputError) -> Token? {
        while true {
            while offset < bytes.count && bytes[offset] != UInt8(ascii: "<") { offset += 1 }
            guard offset < bytes.count else {
                if let unclosed = open.last { throw problem("<\(unclosed)> is never closed") }
                guard sawRoot else { throw problem("there is no root element") }
                return nil
            }
            let tagStart = offset
            offset += 1
            if try skipMarkup() { continue }
            if peek(UInt8(ascii: "/")) {
                offset += 1
                let name = try self.name()
                skipSpace()
                try expect(">")
                guard let top = open.popLast() else { throw problem("</\(name)> closes nothing", at: tagStart) }
                guard top == name else { throw problem("</\(name)> closes <\(top)>", at: tagStart) }
                return .end(name: name)
            }
            guard !(sawRoot && open.isEmpty) else { throw problem("a second root element", at: tagStart) }
            let name = try self.name()
            var attributes: [String: String] = [:]
            while true {
                let hadSpace = skipSpace()
                if peek(UInt8(ascii: "/")) {
                    offset += 1
                    try expect(">")
                    sawRoot = true
                    return .start(name: name, attributes: attributes, isEmpty: true)
                }
                if peek(UInt8(ascii: ">")) {
                    offset += 1
                    guard open.count < Self.maxDepth else { throw problem("elements nest deeper than \(Self.maxDepth)") }
                    open.append(name)
                    sawRoot = true
                    return .start(name: name, attributes: attributes, isEmpty: false)
                }
                guard hadSpace else { throw problem("expected a space, '>' or '/>' in <\(name)>") }
                let attribute = try self.name()
                skipSpace()
                try expect("=")
                skipSpace()
                guard attributes.updateValue(try value(), forKey: attribute) == nil else {
                    throw problem("<\(name)> has the attribute '\(attribute)' twice")
                }
            }
        }
    }

    /// The 1-based line of `position`.
    func line(at position: Int) -> Int {
        var line = 1
        for index in 0..<min(position, bytes.count) where bytes[index] == 0x0A { line += 1 }
        return line
    }

    private func problem(_ message: String, at position: Int? = nil) -> InputError {
        InputError("malformed XML: \(message)", line: line(at: position ?? offset))
    }

    private func peek(_ byte: UInt8) -> Bool { offset < bytes.count && bytes[offset] == byte }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return (0..<count).allSatisfy { bytes[offset + $0] == text.utf8Start[$0] }
    }

    /// Skips `<?…?>`, `<!--…-->`, `<![CDATA[…]]>` and `<!DOCTYPE …>`; false when the tag is none of them.
    private mutating func skipMarkup() throws(InputError) -> Bool {
        let (opening, closing): (StaticString, StaticString)
        if starts(with: "?") { (opening, closing) = ("?", "?>") }
        else if starts(with: "!--") { (opening, closing) = ("!--", "-->") }
        else if starts(with: "![CDATA[") { (opening, closing) = ("![CDATA[", "]]>") }
        else if starts(with: "!") { (opening, closing) = ("!", ">") }
        else { return false }
        let start = offset
        offset += opening.utf8CodeUnitCount
        while offset < bytes.count && !starts(with: closing) {
            if closing.utf8CodeUnitCount == 1 && bytes[offset] == UInt8(ascii: "[") {
                throw problem("a DOCTYPE with an internal subset, which is not supported")
            }
            offset += 1
        }
        guard offset < bytes.count else { throw problem("markup that never ends", at: start) }
        offset += closing.utf8CodeUnitCount
        return true
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = offset
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
        return offset > start
    }

    private mutating func expect(_ character: Unicode.Scalar) throws(InputError) {
        guard peek(UInt8(ascii: character)) else { throw problem("expected '\(character)'") }
        offset += 1
    }

    private mutating func name() throws(InputError) -> String {
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            let isNameByte = byte >= 0x80 || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard isNameByte else { break }
            offset += 1
        }
        guard offset > start else { throw problem("expected a name") }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    /// A quoted attribute value with its entities decoded.
    private mutating func value() throws(InputError) -> String {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") else {
            throw problem("expected a quoted attribute value")
        }
        let quote = bytes[offset]
        offset += 1
        var decoded: [UInt8] = []
        while true {
            guard offset < bytes.count else { throw problem("an attribute value that never ends") }
            let byte = bytes[offset]
            if byte == quote { break }
            guard byte != UInt8(ascii: "<") else { throw problem("'<' in an attribute value") }
            if byte == UInt8(ascii: "&") {
                decoded.append(contentsOf: try entity())
            } else {
                decoded.append(byte)
                offset += 1
            }
        }
        offset += 1
        return String(decoding: decoded, as: UTF8.self)
    }

    /// The UTF-8 of the entity or character reference at `offset`, which it moves past.
    private mutating func entity() throws(InputError) -> [UInt8] {
        let start = offset
        while offset < bytes.count && bytes[offset] != UInt8(ascii: ";") && offset - start < 12 { offset += 1 }
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ";") else { throw problem("an '&' that starts no entity", at: start) }
        let body = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start + 1..<offset]), as: UTF8.self)
        offset += 1
        switch body {
        case "amp": return [UInt8(ascii: "&")]
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default:
            let code = body.hasPrefix("#x") ? UInt32(body.dropFirst(2), radix: 16) : body.hasPrefix("#") ? UInt32(body.dropFirst(), radix: 10) : nil
            guard let code, code != 0, let scalar = Unicode.Scalar(code) else { throw problem("unknown entity '&\(body);'", at: start) }
            return Array(String(Character(scalar)).utf8)
        }
    }
}
