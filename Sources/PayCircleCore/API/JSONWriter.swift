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

    /// Writes `"name":` inside an object; the value follows. Names written in the code are taken as they
    /// are, without escaping: they are plain ASCII identifiers such as `distance_m`.
    public mutating func key(_ name: StaticString) {
        assert(!name.withUTF8Buffer(Self.needsEscaping), "a key written in the code needs no escaping")
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes `"name":` for a name that comes from data (escaped as any string is).
    public mutating func key(escaping name: String) {
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
                let whole = Int64(value)
                appendDigits(whole: whole.magnitude, fraction: 0, places: 0, negative: whole < 0)
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
        appendDigits(whole: UInt64(value.magnitude), fraction: 0, places: 0, negative: value < 0)
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
            json.number(c.longitude, places: 7)
            json.number(c.latitude, places: 7)
        }
    }

    /// `value` rounded to `places` decimals (0-7), written exactly as ``number(_:)`` writes
    /// `(value * 10^places).rounded() / 10^places`, but from its integer count of units of the last place
    /// rather than through `Double.description`: answers write such numbers for every record.
    ///
    /// For a count `n` with 10^(places-3) ≤ |n| < 1e13, the double nearest n / 10^places has that decimal
    /// as its unique shortest round-trip form (any other decimal of at most `places` places is a whole unit
    /// away, far beyond its rounding), and `Double.description` writes such magnitudes (at least
    /// 10^-max(3, places), so never below 1e-4) without an exponent; a whole number is written as an integer, as ``number(_:)`` does. Other values
    /// take the general path.
    ///
    /// ```swift
    /// json.number(58.6449, places: 2)   // 58.64
    /// ```
    public mutating func number(_ value: Double, places: Int) {
        precondition((0...7).contains(places), "places must be 0...7")
        let scale = Self.powersOfTen[places]
        let units = (value * scale).rounded()
        guard units.magnitude >= Self.powersOfTen[max(0, places - 3)], units.magnitude < 1e13 else {
            number(units / scale)
            return
        }
        separate()
        let count = Int64(units)
        let magnitude = UInt64(count.magnitude), divisor = UInt64(scale)
        var fraction = magnitude % divisor, shown = places
        if fraction == 0 { shown = 0 }
        while shown > 0 && fraction % 10 == 0 {
            fraction /= 10
            shown -= 1
        }
        appendDigits(whole: magnitude / divisor, fraction: fraction, places: shown, negative: count < 0)
        needsComma = true
    }

    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7]

    /// Writes `[-]whole[.fraction]` with `fraction` padded to `places` digits (none when `places` is 0).
    /// The digits are made right to left in a buffer on the stack (dividing by the constant ten, which
    /// compiles to a multiplication) and appended at once.
    private mutating func appendDigits(whole: UInt64, fraction: UInt64, places: Int, negative: Bool) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { text in
            var start = 32
            var rest = fraction
            if places > 0 {
                for _ in 0..<places {
                    start -= 1
                    text[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                start -= 1
                text[start] = UInt8(ascii: ".")
            }
            rest = whole
            repeat {
                start -= 1
                text[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if negative {
                start -= 1
                text[start] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<32]))
        }
    }

    /// A moment as RFC 3339 text in UTC (``Timestamp``), written without making a `String`.
    public mutating func timestamp(_ date: Date) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        Timestamp.withUTCText(date) { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
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
    mutating func fields(_ rendered: UnsafeRawBufferPointer) {
        guard !rendered.isEmpty else { return }
        separate()
        bytes.append(contentsOf: rendered)
        needsComma = true
    }

    public mutating func field(_ name: StaticString, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: StaticString, _ value: Double) { key(name); number(value) }
    public mutating func field(_ name: StaticString, _ value: Int) { key(name); number(value) }
    public mutating func field(_ name: StaticString, _ value: Bool) { key(name); bool(value) }
    /// A moment as RFC 3339 text in UTC (``timestamp(_:)``).
    public mutating func field(_ name: StaticString, _ value: Date) { key(name); timestamp(value) }
    /// `value` rounded to `places` decimals (``number(_:places:)``).
    public mutating func field(_ name: StaticString, _ value: Double, places: Int) { key(name); number(value, places: places) }

    /// Writes the field only when `value` is not nil.
    public mutating func optionalField(_ name: StaticString, _ value: String?) {
        if let value { field(name, value) }
    }

    /// Writes the field, as null when `value` is nil.
    public mutating func nullableField(_ name: StaticString, _ value: Double?) {
        key(name)
        if let value { number(value) } else { null() }
    }

    public mutating func nullableField(_ name: StaticString, _ value: Bool?) {
        key(name)
        if let value { bool(value) } else { null() }
    }

    public mutating func nullableField(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    /// A moment as RFC 3339 text in UTC, or null.
    public mutating func nullableField(_ name: StaticString, _ value: Date?) {
        key(name)
        if let value { timestamp(value) } else { null() }
    }

    /// `value` rounded to `places` decimals (``number(_:places:)``), or null.
    public mutating func nullableField(_ name: StaticString, _ value: Double?, places: Int) {
        key(name)
        if let value { number(value, places: places) } else { null() }
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendString(_ text: String) {
        var text = text
        text.withUTF8 { appendEscaped($0) }
    }

    /// Whether any byte is a control character, a quote or a backslash. Eight bytes are tested at a time
    /// with the usual word tricks: for a word `w`, `(w - 0x01…01·n) & ~w & 0x80…80` is non-zero exactly when
    /// some byte is below `n` (for n ≤ 128), and a byte equal to `c` is a zero byte of `w ^ 0x01…01·c`.
    static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasByteBelow(_ word: UInt64, _ n: UInt64) -> Bool { (word &- ones &* n) & ~word & highs != 0 }
        func special(_ word: UInt64) -> Bool {
            hasByteBelow(word, 0x20) || hasByteBelow(word ^ (ones &* 0x22), 1) || hasByteBelow(word ^ (ones &* 0x5C), 1)
        }
        guard let base = utf8.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= utf8.count {
            if special(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) { return true }
            offset += 8
        }
        for byte in utf8[offset...] where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
        return false
    }

    /// Appends UTF-8 text as a JSON string: copied at once when nothing needs escaping, as is nearly always.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        if !Self.needsEscaping(utf8) {
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
