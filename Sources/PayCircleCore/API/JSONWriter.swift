import Foundation

/// A value that writes itself as JSON through a ``JSONWriter``; the API's response bodies are written this
/// way because Foundation's `JSONEncoder` costs more than the nearest search itself.
public protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

extension JSONWritable {
    /// The value as compact UTF-8 JSON.
    public var jsonBytes: [UInt8] {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.bytes
    }
}

/// A minimal streaming JSON writer: objects, arrays, strings (escaped per RFC 8259), numbers (shortest
/// round-trip form), booleans and null. Commas are placed automatically.
///
/// ```swift
/// var json = JSONWriter()
/// json.object { json in json.field("id", "k-1"); json.field("distance_m", 12.5) }
/// String(decoding: json.bytes, as: UTF8.self)   // {"id":"k-1","distance_m":12.5}
/// ```
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false

    public init() { bytes.reserveCapacity(1024) }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes `"name":` inside an object; the value follows.
    public mutating func key(_ name: String) {
        separate()
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ value: String) {
        separate()
        appendString(value)
        needsComma = true
    }

    public mutating func number(_ value: Double) {
        separate()
        if value.isFinite {
            if value == value.rounded(), abs(value) < 1e15 {
                bytes.append(contentsOf: String(Int64(value)).utf8)
            } else {
                bytes.append(contentsOf: value.description.utf8)
            }
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
        needsComma = true
    }

    public mutating func number(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    public mutating func value(_ value: some JSONWritable) { value.write(to: &self) }

    /// A GeoJSON position: `[longitude, latitude]`, rounded to seven decimals (about a centimetre).
    public mutating func position(_ c: Coordinate) {
        array { json in
            json.degrees(c.longitude)
            json.degrees(c.latitude)
        }
    }

    /// An angle rounded to seven decimals (about a centimetre on the ground), written exactly as
    /// ``number(_:)`` writes the rounded value, but from its integer count of ten-millionths rather than
    /// through `Double.description`: polygons have thousands of vertices.
    ///
    /// For `n` ten-millionths with 1e4 ≤ |n| < 1e13, the double nearest n / 10⁷ has n / 10⁷ as its unique
    /// shortest round-trip decimal (any other decimal of at most seven places is 10⁻⁷ away, far beyond its
    /// rounding), and `Double.description` writes such magnitudes without an exponent; other values take
    /// the general path.
    mutating func degrees(_ value: Double) {
        let tenMillionths = (value * 1e7).rounded()
        guard tenMillionths.magnitude >= 1e4, tenMillionths.magnitude < 1e13,
              tenMillionths.truncatingRemainder(dividingBy: 1e7) != 0 else {
            number(tenMillionths / 1e7)
            return
        }
        separate()
        // The digits are made right to left in a buffer on the stack (dividing by the constant ten, which
        // compiles to a multiplication) and appended at once.
        var count = Int64(tenMillionths)
        let negative = count < 0
        if negative { count = -count }
        var fraction = count % 10_000_000, places = 7
        while fraction % 10 == 0 {
            fraction /= 10
            places -= 1
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { text in
            var start = 24
            for _ in 0..<places {
                start -= 1
                text[start] = UInt8(ascii: "0") + UInt8(fraction % 10)
                fraction /= 10
            }
            start -= 1
            text[start] = UInt8(ascii: ".")
            var whole = count / 10_000_000
            repeat {
                start -= 1
                text[start] = UInt8(ascii: "0") + UInt8(whole % 10)
                whole /= 10
            } while whole > 0
            if negative {
                start -= 1
                text[start] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<24]))
        }
        needsComma = true
    }

    /// Inserts a JSON text produced elsewhere (e.g. SpatiaLite's `AsGeoJSON`) as one value, unchanged.
    public mutating func raw(_ json: String) {
        separate()
        bytes.append(contentsOf: json.utf8)
        needsComma = true
    }

    /// Inserts fields rendered elsewhere (`"a":1,"b":2`, as another writer wrote them inside an object)
    /// into the object being written; nothing for empty bytes.
    public mutating func fields(_ rendered: [UInt8]) {
        guard !rendered.isEmpty else { return }
        separate()
        bytes.append(contentsOf: rendered)
        needsComma = true
    }

    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Double) { key(name); number(value) }
    public mutating func field(_ name: String, _ value: Int) { key(name); number(value) }
    public mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }

    /// Writes the field only when `value` is not nil.
    public mutating func optionalField(_ name: String, _ value: String?) {
        if let value { field(name, value) }
    }

    /// Writes the field, as null when `value` is nil.
    public mutating func nullableField(_ name: String, _ value: Double?) {
        key(name)
        if let value { number(value) } else { null() }
    }

    public mutating func nullableField(_ name: String, _ value: Bool?) {
        key(name)
        if let value { bool(value) } else { null() }
    }

    public mutating func nullableField(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
