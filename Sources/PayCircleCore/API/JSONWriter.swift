import Foundation

/// A value that writes itself as JSON through a ``JSONWriter``; the API's response bodies are written this
/// way because Foundation's `JSONEncoder` costs more than the nearest search itself.
public protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

extension JSONWritable {
    /// The value as compact UTF-8 JSON.
    public var jsonBytes: [UInt8] { withJSONBytes { Array($0) } }

    /// Calls `body` with the value as compact UTF-8 JSON, in the writer's own memory (valid only during
    /// the call), so that a caller that copies it elsewhere, such as into a response buffer, copies once.
    ///
    /// ```swift
    /// let body = answer.withJSONBytes { ByteBuffer(bytes: $0) }
    /// ```
    public func withJSONBytes<Result>(capacity: Int = 1024, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        JSONWriter.withBytes(capacity: capacity, writing: write(to:), body)
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
///
/// The text grows in memory the writer owns, as plain bytes: a response writes a few hundred small
/// pieces, and an array's per-append checks (is it shared? is there room?) would cost more than copying
/// them. The writer cannot be copied, so no second owner ever frees or changes that memory.
public struct JSONWriter: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private var needsComma = false

    /// A writer with room for `capacity` bytes before it first grows.
    public init(capacity: Int = 1024) {
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// The JSON written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// Calls `body` with the JSON that `write` writes, in the writer's own memory (valid only during the
    /// call). Unlike ``JSONWritable/withJSONBytes(capacity:_:)`` it needs no value, so a caller can write
    /// parts it only borrows.
    ///
    /// ```swift
    /// let body = JSONWriter.withBytes(capacity: 4096, writing: { json in json.string("ok") }) { ByteBuffer(bytes: $0) }
    /// ```
    public static func withBytes<Result>(capacity: Int = 1024, writing write: (inout JSONWriter) -> Void,
                                         _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        var writer = JSONWriter(capacity: capacity)
        write(&writer)
        return writer.withBytes(body)
    }

    /// Calls `body` with the JSON written so far, in place (valid only during the call).
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        body(UnsafeRawBufferPointer(start: storage, count: count))
    }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        append(UInt8(ascii: "}"))
        needsComma = true
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        separate()
        append(UInt8(ascii: "["))
        needsComma = false
        body(&self)
        append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes `"name":` inside an object; the value follows. Names written in the code are taken as they
    /// are, without escaping: they are plain ASCII identifiers such as `distance_m`.
    public mutating func key(_ name: StaticString) {
        assert(!name.withUTF8Buffer(Self.needsEscaping), "a key written in the code needs no escaping")
        separate()
        append(UInt8(ascii: "\""))
        name.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
        append(UInt8(ascii: "\""))
        append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes `"name":` for a name that comes from data (escaped as any string is).
    public mutating func key(escaping name: String) {
        separate()
        appendString(name)
        append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ value: String) {
        separate()
        appendString(value)
        needsComma = true
    }

    /// `value` in its shortest round-trip form, as Swift prints it (whole numbers without a point); null
    /// when it is not finite.
    public mutating func number(_ value: Double) {
        separate()
        if value.isFinite {
            if value == value.rounded(), abs(value) < 1e15 {
                let whole = Int64(value)
                appendDigits(whole: whole.magnitude, fraction: 0, places: 0, negative: whole < 0)
            } else if let units = Self.units(of: value, places: 7), units / Self.powersOfTen[7] == value {
                // A decimal of at most seven places, such as a coordinate as it was sent: its shortest
                // form is that decimal (see number(_:places:)), written without making a String.
                appendUnits(units, places: 7)
            } else {
                append(value.description)
            }
        } else {
            append("null" as StaticString)
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
        append(value ? "true" : "false" as StaticString)
        needsComma = true
    }

    public mutating func null() {
        separate()
        append("null" as StaticString)
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
    /// 10^-min(3, places), so never below 1e-3) without an exponent; a whole number is written as an integer, as ``number(_:)`` does. Other values
    /// take the general path.
    ///
    /// ```swift
    /// json.number(58.6449, places: 2)   // 58.64
    /// ```
    public mutating func number(_ value: Double, places: Int) {
        precondition((0...7).contains(places), "places must be 0...7")
        guard let units = Self.units(of: value, places: places) else {
            number((value * Self.powersOfTen[places]).rounded() / Self.powersOfTen[places])
            return
        }
        separate()
        appendUnits(units, places: places)
        needsComma = true
    }

    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7]

    /// `value` in whole units of the `places`-th decimal, when that count n is in the range where the
    /// decimal n / 10^places is the shortest form of the double nearest it (|n| < 1e13: at most 13
    /// significant digits) and Swift writes that double without an exponent (|n| ≥ 10^(places-3), so at
    /// least 10^-min(3, places)).
    private static func units(of value: Double, places: Int) -> Double? {
        let units = (value * powersOfTen[places]).rounded()
        guard units.magnitude >= powersOfTen[max(0, places - 3)], units.magnitude < 1e13 else { return nil }
        return units
    }

    /// Writes the decimal `units` / 10^places without trailing zeros (and without a point when whole).
    private mutating func appendUnits(_ units: Double, places: Int) {
        let count = Int64(units)
        let magnitude = UInt64(count.magnitude), divisor = UInt64(Self.powersOfTen[places])
        var fraction = magnitude % divisor, shown = places
        if fraction == 0 { shown = 0 }
        while shown > 0 && fraction % 10 == 0 {
            fraction /= 10
            shown -= 1
        }
        appendDigits(whole: magnitude / divisor, fraction: fraction, places: shown, negative: count < 0)
    }

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
            append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[start..<32]))
        }
    }

    /// A moment as RFC 3339 text in UTC (``Timestamp``), written without making a `String`.
    public mutating func timestamp(_ date: Date) {
        separate()
        append(UInt8(ascii: "\""))
        Timestamp.withUTCText(date) { append(UnsafeRawBufferPointer($0)) }
        append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Inserts a JSON text produced elsewhere (e.g. SpatiaLite's `AsGeoJSON`) as one value, unchanged.
    public mutating func raw(_ json: String) {
        separate()
        append(json)
        needsComma = true
    }

    /// Inserts fields rendered elsewhere (`"a":1,"b":2`, as another writer wrote them inside an object)
    /// into the object being written; nothing for empty bytes.
    mutating func fields(_ rendered: UnsafeRawBufferPointer) {
        guard !rendered.isEmpty else { return }
        separate()
        append(rendered)
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

    private static let hexDigits = Array("0123456789abcdef".utf8)

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func append(_ piece: UnsafeRawBufferPointer) {
        guard let base = piece.baseAddress else { return }
        if piece.count > capacity - count { grow(toHold: piece.count) }
        UnsafeMutableRawPointer(storage + count).copyMemory(from: base, byteCount: piece.count)
        count += piece.count
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Room for `extra` more bytes: at least twice the room there was, so growing stays rare.
    private mutating func grow(toHold extra: Int) {
        capacity = max(2 * capacity, count + extra)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.initialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
    }

    private mutating func separate() {
        if needsComma { append(UInt8(ascii: ",")) }
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
        append(UInt8(ascii: "\""))
        if !Self.needsEscaping(utf8) {
            append(UnsafeRawBufferPointer(utf8))
            append(UInt8(ascii: "\""))
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(UInt8(ascii: "\\")); append(byte)
            case 0x0A: append("\\n" as StaticString)
            case 0x0D: append("\\r" as StaticString)
            case 0x09: append("\\t" as StaticString)
            case 0..<0x20:
                append("\\u00" as StaticString)
                append(Self.hexDigits[Int(byte >> 4)])
                append(Self.hexDigits[Int(byte & 0xF)])
            default: append(byte)
            }
        }
        append(UInt8(ascii: "\""))
    }
}
