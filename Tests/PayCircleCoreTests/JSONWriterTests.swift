import Foundation
@testable import PayCircleCore
import PayCircleTestSupport
import Testing
import PayCircleSimulation

@Suite struct JSONWriterTests {
    private struct Sample: JSONWritable {
        let text: String
        func write(to json: inout JSONWriter) {
            json.object { json in
                json.field("text", text)
                json.field("whole", 3.0)
                json.field("fraction", 0.1)
                json.field("negative", -1234.5678)
                json.nullableField("missing", nil as Double?)
                json.key("list")
                json.array { json in json.number(1); json.bool(false); json.null(); json.array { _ in } }
            }
        }
    }

    @Test func writesJSONThatFoundationReadsBackExactly() throws {
        let text = "南城营业厅 \"24h\" \\ tab\t newline\n bell\u{07} 😀"
        let bytes = Sample(text: text).jsonBytes
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("{\"text\":"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(parsed["text"] as? String == text)
        #expect(parsed["whole"] as? Int == 3)
        #expect(parsed["fraction"] as? Double == 0.1)
        #expect(parsed["negative"] as? Double == -1234.5678)
        #expect(parsed["missing"] is NSNull)
        #expect((parsed["list"] as? [Any])?.count == 4)
    }

    /// A writer that starts with the least room grows many times, by single bytes and by pieces larger
    /// than all it held, and writes the same bytes as one that never grows; `withJSONBytes` shows them too.
    @Test func aWriterThatGrowsWritesTheSameBytes() {
        let long = String(repeating: "营业厅 \"24h\" ", count: 300)
        func write(_ json: inout JSONWriter) {
            json.array { json in
                for number in 0..<500 { json.number(number) }
                json.string(long)
                json.object { json in json.field("line", "a\nb"); json.field("at", Date(timeIntervalSince1970: 0)) }
            }
        }
        var small = JSONWriter(capacity: 1), large = JSONWriter(capacity: 1 << 16)
        write(&small)
        write(&large)
        #expect(small.bytes.count > 5_000)
        #expect(small.bytes == large.bytes)
        #expect(Sample(text: long).withJSONBytes(capacity: 1) { Array($0) } == Sample(text: long).jsonBytes)
        let parsed = try? JSONSerialization.jsonObject(with: Data(small.bytes)) as? [Any]
        #expect(parsed?.count == 502)
        #expect(parsed?[500] as? String == long)
    }

    @Test func timestampsMatchFoundationsISO8601() {
        var random = SeededGenerator(seed: 3)
        for _ in 0..<2_000 {
            let date = Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...4_000_000_000, using: &random)))
            #expect(Timestamp.utcString(date) == date.formatted(.iso8601))
        }
    }
    /// Hand-computed moments at the edges of the calendar, beyond the range Foundation is checked over:
    /// four-digit years down to year 0, a year of five digits and a negative one, leap days of century years.
    @Test func timestampsAtTheEdgesOfTheCalendar() {
        let cases: [(Double, String)] = [
            (0, "1970-01-01T00:00:00Z"), (-1, "1969-12-31T23:59:59Z"), (951_782_400, "2000-02-29T00:00:00Z"),
            (4_107_587_696, "2100-03-01T12:34:56Z"), (-62_135_596_800, "0001-01-01T00:00:00Z"),
            (-62_167_219_200, "0000-01-01T00:00:00Z"), (-62_167_219_201, "-1-12-31T23:59:59Z"),
            (253_402_300_799, "9999-12-31T23:59:59Z"), (253_402_300_800, "10000-01-01T00:00:00Z"), (0.999, "1970-01-01T00:00:00Z"),
        ]
        for (seconds, text) in cases {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamp.utcString(date) == text)
            var json = JSONWriter()
            json.object { json in json.field("at", date); json.nullableField("none", nil as Date?) }
            #expect(String(decoding: json.bytes, as: UTF8.self) == #"{"at":"\#(text)","none":null}"#)
        }
    }

    /// Swift's own text of a number, as `number(_:)` must write it: whole numbers below 1e15 as integers,
    /// null for what is not finite, the rest as `description` writes them.
    private static func swiftText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// Numbers rounded to a number of places are written from their count of units of the last place; the
    /// text must be exactly Swift's text of the rounded value, for every number of places.
    @Test func roundedNumbersAreWrittenAsSwiftPrintsTheRoundedValue() {
        var random = SeededGenerator(seed: 23)
        func unit() -> Double { Double(random.next() % (1 << 53)) / Double(1 << 53) }
        var differing: [String] = []
        for places in 0...7 {
            let step = [1.0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7][places]
            var values: [Double] = [0, -0.0, step, -step, step / 2, -step / 2, 0.5, 1.5, 2.5, 1e6, 1e13 * step, -1e13 * step, 12_345.678_901_234]
            for _ in 0..<30_000 {
                values.append((unit() * 2 - 1) * [1e7, 1e3, 1, 1e-2, 1e-4][Int(random.next() % 5)])
                // Near the rounding boundary between two units of the last place.
                values.append((Double(Int(random.next() % 2_000_001) - 1_000_000) + 0.5) * step)
            }
            for value in values {
                var fast = JSONWriter()
                fast.number(value, places: places)
                let rounded = (value * [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7][places]).rounded() / [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7][places]
                if String(decoding: fast.bytes, as: UTF8.self) != Self.swiftText(rounded) { differing.append("\(value) to \(places) places") }
            }
        }
        #expect(differing.isEmpty, "\(differing.count) differ, e.g. \(differing.prefix(5))")
    }

    /// Any double, and above all a short decimal such as a coordinate as it was sent (written without
    /// Swift's text when it has at most seven places), is written as Swift prints it.
    @Test func numbersAreWrittenAsSwiftPrintsThem() {
        var random = SeededGenerator(seed: 29)
        func unit() -> Double { Double(random.next() % (1 << 53)) / Double(1 << 53) }
        var values: [Double] = [0.1, -0.1, 0.001, 0.0012345, 0.00099, 1e-4, 123_456.123_456_7, 999_999.999_999_9, 1e6 + 0.5,
                                22.812345, 113.9, -8.6006693, .nan, .infinity, -.infinity, .ulpOfOne, .leastNormalMagnitude, .greatestFiniteMagnitude]
        for _ in 0..<100_000 {
            let places = Int(random.next() % 8)
            let scale = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7][places]
            // A decimal of `places` places, of up to thirteen digits.
            values.append(Double(Int64(random.next() % 10_000_000_000_000) - 5_000_000_000_000) / scale)
            // A double of any bits and size.
            values.append((unit() * 2 - 1) * [1e-8, 1e-3, 1, 1e3, 1e6, 1e12, 1e16, 1e300][Int(random.next() % 8)])
            // One ulp beside a short decimal: not itself a decimal of seven places.
            let decimal = Double(Int64(random.next() % 2_000_000_000) - 1_000_000_000) / 1e7
            values.append(random.next() % 2 == 0 ? decimal.nextUp : decimal.nextDown)
        }
        var differing: [String] = []
        for value in values {
            var json = JSONWriter()
            json.number(value)
            let text = String(decoding: json.bytes, as: UTF8.self)
            if text != Self.swiftText(value) { differing.append("\(value.bitPattern): \(text) for \(Self.swiftText(value))") }
        }
        #expect(differing.count == 0, "\(differing.count) of \(values.count) differ, e.g. \(differing.prefix(5))")
    }

    /// Whole numbers, from integers and from whole doubles, against Swift's own text of them: both the
    /// general and the rounded paths write them digit by digit, so they are checked apart from each other.
    @Test func wholeNumbersAreWrittenAsSwiftPrintsThem() {
        for value in [0, 1, -1, 9, 10, -180, 65_535, Int.max, Int.min, Int(Int32.min)] {
            var json = JSONWriter()
            json.number(value)
            #expect(String(decoding: json.bytes, as: UTF8.self) == String(value))
        }
        for value in [0.0, -0.0, 3, -180, 1e6, -42_000_000, 999_999_999_999_999, -999_999_999_999_999] {
            var json = JSONWriter()
            json.number(value)
            #expect(String(decoding: json.bytes, as: UTF8.self) == String(Int64(value)))
        }
        for (value, places, text) in [(58.6449, 2, "58.64"), (-0.004, 2, "0"), (-0.006, 2, "-0.01"), (1234.5, 0, "1235"),
                                      (-8.600669349, 7, "-8.6006693"), (2.5, 1, "2.5"), (100.04, 1, "100")] {
            var json = JSONWriter()
            json.number(value, places: places)
            #expect(String(decoding: json.bytes, as: UTF8.self) == text, "\(value) to \(places) places")
        }
    }

    /// The word-at-a-time test for bytes to escape, against the byte-by-byte rule, for every ASCII byte at
    /// every position of texts up to 24 bytes (so in every lane of a word and in the tail after the words).
    @Test func everyByteThatNeedsEscapingIsFoundWhereverItIs() {
        func naive(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") } }
        var wrong: [String] = []
        for length in 1...24 {
            for position in 0..<length {
                for byte in UInt8(0)...UInt8(255) {
                    var text = Array(repeating: UInt8(ascii: "a"), count: length)
                    text[position] = byte
                    let found = text.withUnsafeBufferPointer { JSONWriter.needsEscaping($0) }
                    if found != naive(text) { wrong.append("byte \(byte) at \(position) of \(length)") }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) wrong, e.g. \(wrong.prefix(5))")
        // Bytes of multi-byte characters (0x80 and up) never need escaping.
        let chinese = Array("南城营业厅自助缴费终端".utf8)
        #expect(!chinese.withUnsafeBufferPointer { JSONWriter.needsEscaping($0) })
    }

    /// Names written in the code go out as they are; names from data are escaped as strings are.
    @Test func keysFromCodeAndFromData() throws {
        var json = JSONWriter()
        let hostile = "a\"b\\c\n营业"
        json.object { json in
            json.field("plain", 1)
            json.key(escaping: hostile)
            json.number(2)
        }
        #expect(String(decoding: json.bytes.prefix(10), as: UTF8.self) == #"{"plain":1"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
        #expect(parsed["plain"] as? Int == 1 && parsed[hostile] as? Int == 2 && parsed.count == 2)
    }

    /// Positions are written from their count of ten-millionths; the text must be exactly Swift's text of
    /// the rounded value, over every magnitude and near every edge case.
    @Test func positionsAreWrittenAsSwiftPrintsTheRoundedValue() {
        var random = SeededGenerator(seed: 11)
        func unit() -> Double { Double(random.next() % (1 << 53)) / Double(1 << 53) }
        var values: [Double] = [0, -0.0, 1, -1, 180, -180, 90, -90, 0.001, -0.001, 0.0009999, 0.00001, 1e-7, 5e-8, 41.1485853, -8.6006693,
                                113.75, 23.02, 0.1, 0.30000000000000004, 179.99999995, -179.99999995, 1e6, 12_345_678.9]
        for _ in 0..<200_000 {
            let scale = [180.0, 1, 0.01, 0.0002, 1e-6][Int(random.next() % 5)]
            values.append((unit() * 2 - 1) * scale)
            // Near whole degrees and near the rounding boundary between two ten-millionths.
            let whole = Double(Int(random.next() % 361) - 180)
            values.append(whole + Double(Int(random.next() % 21) - 10) * 1e-7)
            values.append(whole + (Double(Int(random.next() % 2_000_001) - 1_000_000) + 0.5) * 1e-7)
        }
        var differing: [Double] = []
        for value in values {
            var fast = JSONWriter()
            fast.position(Coordinate(latitude: value, longitude: value))
            let rounded = Self.swiftText((value * 1e7).rounded() / 1e7)
            if String(decoding: fast.bytes, as: UTF8.self) != "[\(rounded),\(rounded)]" { differing.append(value) }
        }
        #expect(differing.isEmpty, "\(differing.count) values differ, e.g. \(differing.prefix(5))")
    }
}
