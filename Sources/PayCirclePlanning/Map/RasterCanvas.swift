import CCompression
import Foundation

/// An in-memory 8-bit RGB picture with just enough drawing for a coverage map, saved as PNG.
///
/// Coordinates are in pixels: x to the right, y down, pixel `(x, y)` covering the square from
/// `(x, y)` to `(x + 1, y + 1)`. Everything is clipped to the canvas; non-finite coordinates draw nothing.
///
/// ```swift
/// var canvas = RasterCanvas(width: 320, height: 240, background: .white)
/// canvas.line(from: (10, 200), to: (300, 40), color: .grey, width: 3)
/// canvas.disc(centre: (160, 120), radius: 6, color: MapColor(hex: "#1f77b4")!, outline: .white)
/// canvas.text("© OpenStreetMap contributors, ODbL", at: (4, 228), color: .black)
/// let png = canvas.pngData()
/// ```
public struct RasterCanvas: Sendable {
    private typealias Point = (x: Double, y: Double)

    /// Size in pixels.
    public let width, height: Int
    /// Red, green and blue bytes of every pixel, row by row from the top: `width * height * 3` values.
    public private(set) var pixels: [UInt8]

    /// Creates a canvas of `width × height` pixels (both must be positive) filled with `background`.
    public init(width: Int, height: Int, background: MapColor) {
        precondition(width > 0 && height > 0, "RasterCanvas needs a positive size, got \(width)×\(height)")
        self.width = width
        self.height = height
        pixels = Array(repeatElement([background.red, background.green, background.blue], count: width * height).joined())
    }

    /// Draws a straight line `width` pixels wide (at least 1) with round ends.
    public mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), color: MapColor, width: Double) {
        guard width.isFinite else { return }
        let radius = max(width, 1) / 2
        let margin = radius + 1
        let frame = (minX: -margin, minY: -margin, maxX: Double(self.width) + margin, maxY: Double(height) + margin)
        guard let (p, q) = Self.clip(a, b, to: frame) else { return }
        let dx = q.x - p.x, dy = q.y - p.y
        let lengthSquared = dx * dx + dy * dy
        for y in Self.centres(from: min(p.y, q.y) - radius, through: max(p.y, q.y) + radius, count: height) {
            let cy = Double(y) + 0.5
            // Only segment points within `radius` of this row can be nearest to one of its pixels.
            var t0 = 0.0, t1 = 1.0
            if dy != 0 {
                let u = (cy - radius - p.y) / dy, v = (cy + radius - p.y) / dy
                t0 = max(min(u, v), 0)
                t1 = min(max(u, v), 1)
            }
            let xa = p.x + t0 * dx, xb = p.x + t1 * dx
            for x in Self.centres(from: min(xa, xb) - radius, through: max(xa, xb) + radius, count: self.width) {
                let cx = Double(x) + 0.5
                let t = lengthSquared > 0 ? min(max(((cx - p.x) * dx + (cy - p.y) * dy) / lengthSquared, 0), 1) : 0
                let ex = p.x + t * dx - cx, ey = p.y + t * dy - cy
                if ex * ex + ey * ey <= radius * radius {
                    plot(x, y, color)
                }
            }
        }
    }

    /// Fills a circle; with `outline`, its outermost pixel ring takes that colour instead.
    public mutating func disc(centre: (x: Double, y: Double), radius: Double, color: MapColor, outline: MapColor? = nil) {
        guard radius.isFinite else { return }
        let inner = max(radius - 1, 0)
        for y in Self.centres(from: centre.y - radius, through: centre.y + radius, count: height) {
            let dy = Double(y) + 0.5 - centre.y
            for x in Self.centres(from: centre.x - radius, through: centre.x + radius, count: width) {
                let dx = Double(x) + 0.5 - centre.x
                let distanceSquared = dx * dx + dy * dy
                guard distanceSquared <= radius * radius else { continue }
                if let outline, distanceSquared > inner * inner {
                    plot(x, y, outline)
                } else {
                    plot(x, y, color)
                }
            }
        }
    }

    /// Blends `color` at `opacity` (0...1) over the pixels whose centres lie inside the polygon.
    ///
    /// `rings` are closed implicitly (outer boundary and holes, in any order and orientation);
    /// insideness follows the even-odd rule, so shared edges of neighbouring polygons are not painted twice.
    public mutating func fillPolygon(_ rings: [[(x: Double, y: Double)]], color: MapColor, opacity: Double) {
        guard opacity > 0 else { return }
        let alpha = min(opacity, 1)
        var edges: [(p: Point, q: Point)] = [] // non-horizontal, upper end first
        for ring in rings {
            let points = ring.filter { $0.x.isFinite && $0.y.isFinite }
            for (index, p) in points.enumerated() {
                let q = points[(index + 1) % points.count]
                if p.y < q.y { edges.append((p, q)) } else if q.y < p.y { edges.append((q, p)) }
            }
        }
        guard let top = edges.map(\.p.y).min(), let bottom = edges.map(\.q.y).max() else { return }
        for y in Self.centres(from: top, through: bottom.nextDown, count: height) {
            let cy = Double(y) + 0.5
            var crossings: [Double] = []
            for (p, q) in edges where p.y <= cy && cy < q.y {
                let f = (cy - p.y) / (q.y - p.y)
                crossings.append(p.x * (1 - f) + q.x * f)
            }
            crossings.sort()
            for pair in stride(from: 0, to: crossings.count - 1, by: 2) {
                for x in Self.centres(from: crossings[pair], through: crossings[pair + 1].nextDown, count: width) {
                    let index = (y * width + x) * 3
                    let old = MapColor(red: pixels[index], green: pixels[index + 1], blue: pixels[index + 2])
                    plot(x, y, old.mixed(with: color, fraction: alpha))
                }
            }
        }
    }

    /// Writes `string` in a 5×7 pixel font, each pixel enlarged to `scale × scale`, with `origin`
    /// the top-left corner of the first character; characters advance by `6 × scale` pixels.
    /// Printable ASCII is drawn as is, `©` as "(c)", anything else as "?".
    public mutating func text(_ string: String, at origin: (x: Int, y: Int), color: MapColor, scale: Int = 1) {
        let scale = max(scale, 1)
        var left = origin.x
        for code in Self.glyphCodes(string) {
            let glyph = (Int(code) - 32) * 5
            for column in 0..<5 {
                let bits = Self.font[glyph + column]
                for row in 0..<7 where bits >> row & 1 == 1 {
                    fillSquare(x: left + column * scale, y: origin.y + row * scale, size: scale, color: color)
                }
            }
            left += 6 * scale
        }
    }

    /// The picture as a PNG file: 8-bit RGB, Sub-filtered scanlines, one zlib (level 6) IDAT chunk.
    public func pngData() -> [UInt8] {
        let rowBytes = width * 3
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity((rowBytes + 1) * height)
        for y in 0..<height {
            let start = y * rowBytes
            scanlines.append(1) // filter type Sub: each byte minus the same channel of the pixel to its left
            for offset in 0..<rowBytes {
                scanlines.append(pixels[start + offset] &- (offset >= 3 ? pixels[start + offset - 3] : 0))
            }
        }
        // Bit depth 8, colour type 2 (RGB), deflate compression, adaptive filtering, no interlace.
        let header = Self.bigEndian(UInt32(width)) + Self.bigEndian(UInt32(height)) + [8, 2, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + Self.chunk("IHDR", header)
            + Self.chunk("IDAT", Self.compressed(scanlines))
            + Self.chunk("IEND", [])
    }

    private mutating func plot(_ x: Int, _ y: Int, _ color: MapColor) {
        let index = (y * width + x) * 3
        pixels[index] = color.red
        pixels[index + 1] = color.green
        pixels[index + 2] = color.blue
    }

    private mutating func fillSquare(x: Int, y: Int, size: Int, color: MapColor) {
        for row in stride(from: max(y, 0), to: min(y + size, height), by: 1) {
            for column in stride(from: max(x, 0), to: min(x + size, width), by: 1) {
                plot(column, row, color)
            }
        }
    }

    /// Indices in `0..<count` of the pixels whose centres lie in `lower...upper`; empty for NaN bounds.
    private static func centres(from lower: Double, through upper: Double, count: Int) -> Range<Int> {
        let first = max((lower - 0.5).rounded(.up), 0)
        let last = min((upper - 0.5).rounded(.down), Double(count - 1))
        guard first <= last else { return 0..<0 }
        return Int(first)..<Int(last) + 1
    }

    /// The part of segment `a`–`b` inside `frame` (Liang–Barsky), or nil when there is none or
    /// the segment is not finite.
    private static func clip(_ a: Point, _ b: Point, to frame: (minX: Double, minY: Double, maxX: Double, maxY: Double)) -> (Point, Point)? {
        let dx = b.x - a.x, dy = b.y - a.y
        guard dx.isFinite, dy.isFinite else { return nil }
        var t0 = 0.0, t1 = 1.0
        for (direction, room) in [(-dx, a.x - frame.minX), (dx, frame.maxX - a.x), (-dy, a.y - frame.minY), (dy, frame.maxY - a.y)] {
            if direction == 0 {
                if room < 0 { return nil }
            } else if direction < 0 {
                t0 = max(t0, room / direction)
            } else {
                t1 = min(t1, room / direction)
            }
        }
        guard t0 <= t1 else { return nil }
        return ((a.x + t0 * dx, a.y + t0 * dy), (a.x + t1 * dx, a.y + t1 * dy))
    }

    private static func glyphCodes(_ string: String) -> [UInt8] {
        string.flatMap { character -> [UInt8] in
            if let code = character.asciiValue, (32...126).contains(code) { return [code] }
            return character == "©" ? Array("(c)".utf8) : [UInt8(ascii: "?")]
        }
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
    }

    /// A PNG chunk: length, type, data and the CRC-32 of type and data.
    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        let crc = body.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        return bigEndian(UInt32(data.count)) + body + bigEndian(UInt32(truncatingIfNeeded: crc))
    }

    private static func compressed(_ bytes: [UInt8]) -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(size))
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { compress2(out.baseAddress, &size, $0.baseAddress, uLong($0.count), 6) }
        }
        precondition(status == Z_OK, "zlib compress2 failed with status \(status)")
        return Array(output.prefix(Int(size)))
    }

    /// 5×7 glyphs for ASCII 32...126, five column bytes each, left to right; bit 0 is the top row.
    private static let font: [UInt8] = [
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x5F, 0x00, 0x00, 0x00, 0x07, 0x00, 0x07, 0x00, 0x14, 0x7F, 0x14, 0x7F, 0x14, //  !"#
        0x24, 0x2A, 0x7F, 0x2A, 0x12, 0x23, 0x13, 0x08, 0x64, 0x62, 0x36, 0x49, 0x55, 0x22, 0x50, 0x00, 0x05, 0x03, 0x00, 0x00, // $%&'
        0x00, 0x1C, 0x22, 0x41, 0x00, 0x00, 0x41, 0x22, 0x1C, 0x00, 0x14, 0x08, 0x3E, 0x08, 0x14, 0x08, 0x08, 0x3E, 0x08, 0x08, // ()*+
        0x00, 0x50, 0x30, 0x00, 0x00, 0x08, 0x08, 0x08, 0x08, 0x08, 0x00, 0x60, 0x60, 0x00, 0x00, 0x20, 0x10, 0x08, 0x04, 0x02, // ,-./
        0x3E, 0x51, 0x49, 0x45, 0x3E, 0x00, 0x42, 0x7F, 0x40, 0x00, 0x42, 0x61, 0x51, 0x49, 0x46, 0x21, 0x41, 0x45, 0x4B, 0x31, // 0123
        0x18, 0x14, 0x12, 0x7F, 0x10, 0x27, 0x45, 0x45, 0x45, 0x39, 0x3C, 0x4A, 0x49, 0x49, 0x30, 0x01, 0x71, 0x09, 0x05, 0x03, // 4567
        0x36, 0x49, 0x49, 0x49, 0x36, 0x06, 0x49, 0x49, 0x29, 0x1E, 0x00, 0x36, 0x36, 0x00, 0x00, 0x00, 0x56, 0x36, 0x00, 0x00, // 89:;
        0x08, 0x14, 0x22, 0x41, 0x00, 0x14, 0x14, 0x14, 0x14, 0x14, 0x00, 0x41, 0x22, 0x14, 0x08, 0x02, 0x01, 0x51, 0x09, 0x06, // <=>?
        0x32, 0x49, 0x79, 0x41, 0x3E, 0x7E, 0x11, 0x11, 0x11, 0x7E, 0x7F, 0x49, 0x49, 0x49, 0x36, 0x3E, 0x41, 0x41, 0x41, 0x22, // @ABC
        0x7F, 0x41, 0x41, 0x22, 0x1C, 0x7F, 0x49, 0x49, 0x49, 0x41, 0x7F, 0x09, 0x09, 0x09, 0x01, 0x3E, 0x41, 0x49, 0x49, 0x7A, // DEFG
        0x7F, 0x08, 0x08, 0x08, 0x7F, 0x00, 0x41, 0x7F, 0x41, 0x00, 0x20, 0x40, 0x41, 0x3F, 0x01, 0x7F, 0x08, 0x14, 0x22, 0x41, // HIJK
        0x7F, 0x40, 0x40, 0x40, 0x40, 0x7F, 0x02, 0x0C, 0x02, 0x7F, 0x7F, 0x04, 0x08, 0x10, 0x7F, 0x3E, 0x41, 0x41, 0x41, 0x3E, // LMNO
        0x7F, 0x09, 0x09, 0x09, 0x06, 0x3E, 0x41, 0x51, 0x21, 0x5E, 0x7F, 0x09, 0x19, 0x29, 0x46, 0x46, 0x49, 0x49, 0x49, 0x31, // PQRS
        0x01, 0x01, 0x7F, 0x01, 0x01, 0x3F, 0x40, 0x40, 0x40, 0x3F, 0x1F, 0x20, 0x40, 0x20, 0x1F, 0x3F, 0x40, 0x38, 0x40, 0x3F, // TUVW
        0x63, 0x14, 0x08, 0x14, 0x63, 0x07, 0x08, 0x70, 0x08, 0x07, 0x61, 0x51, 0x49, 0x45, 0x43, 0x00, 0x7F, 0x41, 0x41, 0x00, // XYZ[
        0x02, 0x04, 0x08, 0x10, 0x20, 0x00, 0x41, 0x41, 0x7F, 0x00, 0x04, 0x02, 0x01, 0x02, 0x04, 0x40, 0x40, 0x40, 0x40, 0x40, // \]^_
        0x00, 0x01, 0x02, 0x04, 0x00, 0x20, 0x54, 0x54, 0x54, 0x78, 0x7F, 0x48, 0x44, 0x44, 0x38, 0x38, 0x44, 0x44, 0x44, 0x20, // `abc
        0x38, 0x44, 0x44, 0x48, 0x7F, 0x38, 0x54, 0x54, 0x54, 0x18, 0x08, 0x7E, 0x09, 0x01, 0x02, 0x0C, 0x52, 0x52, 0x52, 0x3E, // defg
        0x7F, 0x08, 0x04, 0x04, 0x78, 0x00, 0x44, 0x7D, 0x40, 0x00, 0x20, 0x40, 0x44, 0x3D, 0x00, 0x7F, 0x10, 0x28, 0x44, 0x00, // hijk
        0x00, 0x41, 0x7F, 0x40, 0x00, 0x7C, 0x04, 0x18, 0x04, 0x78, 0x7C, 0x08, 0x04, 0x04, 0x78, 0x38, 0x44, 0x44, 0x44, 0x38, // lmno
        0x7C, 0x14, 0x14, 0x14, 0x08, 0x08, 0x14, 0x14, 0x18, 0x7C, 0x7C, 0x08, 0x04, 0x04, 0x08, 0x48, 0x54, 0x54, 0x54, 0x20, // pqrs
        0x04, 0x3F, 0x44, 0x40, 0x20, 0x3C, 0x40, 0x40, 0x20, 0x7C, 0x1C, 0x20, 0x40, 0x20, 0x1C, 0x3C, 0x40, 0x30, 0x40, 0x3C, // tuvw
        0x44, 0x28, 0x10, 0x28, 0x44, 0x0C, 0x50, 0x50, 0x50, 0x3C, 0x44, 0x64, 0x54, 0x4C, 0x44, 0x00, 0x08, 0x36, 0x41, 0x00, // xyz{
        0x00, 0x00, 0x7F, 0x00, 0x00, 0x00, 0x41, 0x36, 0x08, 0x00, 0x08, 0x04, 0x08, 0x10, 0x08, // |}~
    ]
}
