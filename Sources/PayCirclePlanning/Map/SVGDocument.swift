import Foundation

/// An SVG picture built element by element, with the same drawing calls as ``RasterCanvas``.
///
/// ```swift
/// var svg = SVGDocument(width: 800, height: 600, background: .white)
/// svg.line(from: (10, 10), to: (200, 80), color: .black, width: 2)
/// let text = svg.text
/// ```
public struct SVGDocument: MapSurface, Sendable {
    public let width: Int
    public let height: Int
    private var elements: [String] = []

    public init(width: Int, height: Int, background: MapColor) {
        self.width = width
        self.height = height
        elements.append("<rect width=\"\(width)\" height=\"\(height)\" fill=\"\(background.hex)\"/>")
    }

    /// The document as SVG 1.1 text.
    public var text: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
            + elements.joined(separator: "\n") + "\n</svg>\n"
    }

    public mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), color: MapColor, width: Double) {
        guard [a.x, a.y, b.x, b.y].allSatisfy(\.isFinite) else { return }
        elements.append("<line x1=\"\(Self.number(a.x))\" y1=\"\(Self.number(a.y))\" x2=\"\(Self.number(b.x))\" y2=\"\(Self.number(b.y))\" stroke=\"\(color.hex)\" stroke-width=\"\(Self.number(width))\" stroke-linecap=\"round\"/>")
    }

    public mutating func disc(centre: (x: Double, y: Double), radius: Double, color: MapColor, outline: MapColor?) {
        guard centre.x.isFinite, centre.y.isFinite, radius.isFinite else { return }
        let stroke = outline.map { " stroke=\"\($0.hex)\" stroke-width=\"1\"" } ?? ""
        elements.append("<circle cx=\"\(Self.number(centre.x))\" cy=\"\(Self.number(centre.y))\" r=\"\(Self.number(radius))\" fill=\"\(color.hex)\"\(stroke)/>")
    }

    public mutating func fillPolygon(_ rings: [[(x: Double, y: Double)]], color: MapColor, opacity: Double) {
        let path = rings.filter { $0.count >= 3 }.map { ring in
            "M" + ring.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: "L") + "Z"
        }.joined()
        guard !path.isEmpty else { return }
        elements.append("<path d=\"\(path)\" fill=\"\(color.hex)\" fill-opacity=\"\(Self.number(opacity))\" fill-rule=\"evenodd\"/>")
    }

    /// A line of text; `string` may come from data (a hall's name) and is escaped, so it stays text.
    public mutating func text(_ string: String, at origin: (x: Int, y: Int), color: MapColor, scale: Int) {
        // The raster font's cell is 7 px tall from the origin down; SVG places text on its baseline.
        elements.append("<text x=\"\(origin.x)\" y=\"\(origin.y + 7 * scale)\" font-family=\"sans-serif\" font-size=\"\(9 * scale)\" fill=\"\(color.hex)\">\(Self.escaped(string))</text>")
    }

    /// `text` safe as XML character data and as a quoted attribute value: `&`, `<`, `>`, `"` and `'`
    /// become entities, and characters XML 1.0 does not allow (control characters other than tab and
    /// line breaks, U+FFFE, U+FFFF) become U+FFFD, so the document stays well-formed.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": result.unicodeScalars.append("\u{FFFD}")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
