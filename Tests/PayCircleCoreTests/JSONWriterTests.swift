import Foundation
import PayCircleCore
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

    @Test func timestampsMatchFoundationsISO8601() {
        var random = SeededGenerator(seed: 3)
        for _ in 0..<2_000 {
            let date = Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...4_000_000_000, using: &random)))
            #expect(Timestamp.utcString(date) == date.formatted(.iso8601))
        }
    }
    /// Positions are written from their count of ten-millionths; the text must be exactly what the general
    /// number path writes for the rounded value, over every magnitude and near every edge case.
    @Test func positionsAreWrittenAsTheGeneralNumberPathWritesThem() {
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
            var fast = JSONWriter(), general = JSONWriter()
            fast.position(Coordinate(latitude: value, longitude: value))
            general.array { json in
                json.number((value * 1e7).rounded() / 1e7)
                json.number((value * 1e7).rounded() / 1e7)
            }
            if fast.bytes != general.bytes { differing.append(value) }
        }
        #expect(differing.isEmpty, "\(differing.count) values differ, e.g. \(differing.prefix(5))")
    }
}
