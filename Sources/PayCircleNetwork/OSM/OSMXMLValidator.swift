import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PayCircleCore

/// Checks an OSM XML file before readosm reads it: UTF-8 throughout, well-formed XML, and every element
/// readosm relies on carrying the attributes it dereferences without checking (readosm 1.1 crashes on a
/// `<tag>` without `k`, for one). A file that fails gets an ``InputError`` naming the line; one that passes
/// is safe to parse.
///
/// ```swift
/// try OSMXMLValidator.validate(URL(fileURLWithPath: "city.osm"))
/// ```
enum OSMXMLValidator {
    /// The attributes each OSM element must have.
    static let requiredAttributes: [String: [String]] = [
        "node": ["id", "lat", "lon"], "way": ["id"], "relation": ["id"],
        "tag": ["k", "v"], "nd": ["ref"], "member": ["type", "ref", "role"],
    ]

    static func validate(_ url: URL, source: String) throws(InputError) {
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw InputError("cannot read the file: \(error.localizedDescription)", source: source)
        }
        if let line = firstLineWithInvalidUTF8(data) {
            throw InputError("the text is not valid UTF-8", source: source, line: line)
        }
        let parser = XMLParser(data: data)
        let checker = Checker()
        parser.delegate = checker
        let parsed = parser.parse()
        if let problem = checker.problem {
            throw InputError(problem, source: source, line: checker.problemLine)
        }
        guard parsed else {
            throw InputError("the XML is not well-formed (column \(parser.columnNumber))", source: source, line: parser.lineNumber)
        }
    }

    /// The 1-based line of the first byte sequence that is not UTF-8, or nil when all of `data` is.
    static func firstLineWithInvalidUTF8(_ data: Data) -> Int? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int? in
            var line = 1
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    if lead == 0x0A { line += 1 }
                    index += 1
                    continue
                }
                // Length and the allowed range of the second byte, per the Unicode well-formed UTF-8 table.
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

    private final class Checker: NSObject, XMLParserDelegate {
        var problem: String?
        var problemLine: Int?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            guard let required = OSMXMLValidator.requiredAttributes[elementName],
                  let missing = required.first(where: { attributes[$0] == nil }) else { return }
            problem = "<\(elementName)> without its '\(missing)' attribute"
            problemLine = parser.lineNumber
            parser.abortParsing()
        }
    }
}
