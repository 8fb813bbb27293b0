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
}
