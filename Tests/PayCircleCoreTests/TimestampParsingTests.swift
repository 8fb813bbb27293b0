import Foundation
import PayCircleCore
import PayCircleSimulation
import Testing

/// The digit-by-digit reading of common RFC 3339 times must give Foundation's ISO 8601 answer for every
/// text it takes, and take none that Foundation would read differently.
@Suite struct TimestampParsingTests {
    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    @Test func commonTimesAreReadAsFoundationReadsThem() throws {
        var random = SeededGenerator(seed: 31)
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")!
        var differing: [String] = []
        for _ in 0..<20_000 {
            let year = Int.random(in: 1900...2999, using: &random), month = Int.random(in: 1...12, using: &random)
            let day = Int.random(in: 1...31, using: &random)
            var text = "\(year)-\(Self.two(month))-\(Self.two(day))T\(Self.two(Int.random(in: 0...23, using: &random))):"
                + "\(Self.two(Int.random(in: 0...59, using: &random))):\(Self.two(Int.random(in: 0...59, using: &random)))"
            switch Int.random(in: 0..<3, using: &random) {
            case 0: text += "Z"
            default:
                let sign = Bool.random(using: &random) ? "+" : "-"
                text += "\(sign)\(Self.two(Int.random(in: 0...14, using: &random))):\(Self.two(Int.random(in: 0...59, using: &random)))"
            }
            let foundation = try? Date(text, strategy: .iso8601)
            let read = Timestamp.commonMoment(text)
            // Days past a month's end (30 February) are left to Foundation, whatever it makes of them; every
            // real day is read, as Foundation reads it.
            let daysInMonth = gregorian.range(of: .day, in: .month, for: gregorian.date(from: DateComponents(year: year, month: month, day: 1))!)!
            if read != nil && read != foundation || read == nil && daysInMonth.contains(day) {
                differing.append("\(text): \(String(describing: read)) for \(String(describing: foundation))")
            }
        }
        #expect(differing.count == 0, "\(differing.count) differ, e.g. \(differing.prefix(3))")
    }

    @Test func otherShapesAreLeftToFoundation() {
        for text in ["2026-11-23T22:00:00.5Z", "2026-11-23", "2026-11-23T22:00:00+0800", "2026-11-23 22:00:00Z", "2026-02-29T10:00:00Z",
                     "2026-13-01T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T22:00:60Z", "1899-12-31T23:59:59Z", "2026-11-23T22:00:00+15:00",
                     "2026-11-23t22:00:00z", "1900-02-29T00:00:00Z", "2100-02-29T12:00:00Z", "２026-11-23T22:00:00Z", "2026-11-23T22:00:00", ""] {
            #expect(Timestamp.commonMoment(text) == nil, "\(text)")
        }
        #expect(Timestamp.commonMoment("1970-01-01T08:00:00+08:00") == Date(timeIntervalSince1970: 0))
        #expect(Timestamp.commonMoment("2000-02-29T12:00:00Z") == Date(timeIntervalSince1970: 951_825_600))
        #expect(PointRecord.parseTimestamp("2026-11-23T22:00:00.5Z") == Date(timeIntervalSince1970: 1_795_471_200.5))
    }
}
