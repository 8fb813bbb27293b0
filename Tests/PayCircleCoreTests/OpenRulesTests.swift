import Foundation
@testable import PayCircleCore
import Testing

/// ``OpenRules`` must say exactly what ``PaymentPoint/isOpen(at:)`` says of every point, at every moment.
@Suite struct OpenRulesTests {
    private static func point(_ number: Int, _ hours: String?, zone: String = PaymentPoint.defaultTimeZone, status: PointStatus = .online) -> PaymentPoint {
        PaymentPoint(id: "p\(number)", name: "Point \(number)", kind: .agency, openingHours: hours.map(OpeningHours.init), timeZone: zone,
                     status: status, location: Coordinate(latitude: 22.8, longitude: 113.9))
    }

    /// One point of each kind of rule, some sharing hours and zones.
    private static let points: [PaymentPoint] = [
        point(0, "Mo-Fr 08:30-17:30"),
        point(1, "Mo-Fr 08:30-17:30", status: .offline),
        point(2, nil),
        point(3, "24/7"),
        point(4, "Mo-Fr 09:00-17:00; PH off"),
        point(5, "Fr 22:00-02:00; Sa 10:00-12:00"),
        point(6, "sunrise-sunset"),
        point(7, "Mo-Fr 08:30-17:30", zone: "Europe/Lisbon"),
        point(8, "Mo-Su 07:00-23:00", zone: "Europe/Lisbon"),
        point(9, "Mo-Fr 08:30-17:30", zone: "Mars/Olympus_Mons"),
        point(10, "Mo-Fr 08:30-17:30", status: .fault),
        point(11, "Mo-Fr 08:30-12:00,14:00-17:30; Sa 09:00-12:00; Su off"),
        point(12, "Mo-Fr 08:30-17:30"),
        point(13, "24/7", status: .closed),
        point(14, "Mo-Su 07:00-23:00"),
    ]

    private static func date(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    @Test func handWorkedMoments() {
        let rules = OpenRules(Self.points)
        defer { rules.deallocate() }
        // Monday 30 November 2026, 10:00 in Shanghai (02:00 UTC; 02:00 in Lisbon, on winter time).
        var monday = OpenRules.Evaluation(date: Self.date("2026-11-30T02:00:00Z"))
        let expected: [Bool?] = [true, false, nil, true, nil, false, nil, false, false, nil, false, true, true, false, true]
        #expect((0..<Self.points.count).map { rules.isOpen(slot: $0, &monday) } == expected)
        // Saturday 5 December 2026, 01:00 in Shanghai: Friday's 22:00-02:00 runs past midnight.
        var saturday = OpenRules.Evaluation(date: Self.date("2026-12-04T17:00:00Z"))
        #expect(rules.isOpen(slot: 5, &saturday) == true)
        #expect(rules.isOpen(slot: 0, &saturday) == false)
    }

    @Test func agreesWithEachPointAtManyMoments() {
        // Offsets worked out around a fixed moment, so that the moments below stay inside them (and the far
        // ones and those just past the edges outside) whenever the test runs.
        let made = Self.date("2026-06-01T00:00:00Z")
        let rules = OpenRules(Self.points, now: made)
        defer { rules.deallocate() }
        var generator = SystemRandomNumberGenerator()
        // Every half hour of two weeks around Lisbon's spring and autumn changes, random moments of 2026,
        // and moments long before and after the years whose offsets the rules work out.
        let halfHours = ["2026-03-22T00:00:00Z", "2026-10-18T00:00:00Z"].flatMap { start in
            (0..<(14 * 48)).map { Self.date(start).addingTimeInterval(Double($0) * 1800) }
        }
        let randomMoments = (0..<500).map { _ in Self.date("2026-01-01T00:00:00Z").addingTimeInterval(Double.random(in: 0..<(365 * 86_400), using: &generator)) }
        let year = 365.25 * 86_400
        let edges = [-2 * year, 10 * year].flatMap { offset in [-1.0, 0, 1].map { made.addingTimeInterval(offset + $0) } }
        let farMoments = ["1990-07-01T12:00:00Z", "2001-01-05T03:00:00Z", "2051-07-01T12:00:00Z", "2090-01-05T03:00:00Z"].map(Self.date) + edges
        for date in halfHours + randomMoments + farMoments {
            var evaluation = OpenRules.Evaluation(date: date)
            // In a shuffled order, so that the evaluation switches zones back and forth.
            for slot in Self.points.indices.shuffled(using: &generator) {
                #expect(rules.isOpen(slot: slot, &evaluation) == Self.points[slot].isOpen(at: date), "point \(slot) at \(date)")
            }
        }
    }

    @Test func noPointsMakesEmptyRules() {
        let rules = OpenRules([])
        rules.deallocate()
    }
}
