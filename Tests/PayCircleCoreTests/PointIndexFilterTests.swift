import Foundation
import PayCircleCore
import PayCircleSimulation
import Testing

/// Filtered nearest searches against brute force: every point tested against the filters as the API
/// documents them (kinds, all of the services, statuses, open at a moment by its own hours), measured by
/// exact geodesic distance, ranked by distance then id. On a fresh tree and on a snapshot with points
/// written and deleted since the build.
@Suite struct PointIndexFilterTests {
    private static let hours: [String?] = [nil, "24/7", "Mo-Fr 08:30-17:30", "Mo-Su 07:00-23:00", "Mo-Fr 09:00-17:00; PH off",
                                           "Mo-Fr 08:30-12:00,14:00-17:30; Sa 09:00-12:00", "sunrise-sunset", "Fr 22:00-02:00"]

    private static func randomPoint(_ number: Int, _ random: inout SeededGenerator) -> PaymentPoint {
        let statuses: [PointStatus] = [.online, .online, .online, .offline, .fault, .closed]
        return PaymentPoint(
            id: String(format: "p-%05d", number), name: "Point \(number)", kind: PointKind.allCases.randomElement(using: &random)!,
            services: ServiceSet(PaymentService.allCases.filter { _ in Bool.random(using: &random) }),
            openingHours: hours.randomElement(using: &random)!.map(OpeningHours.init),
            timeZone: Int.random(in: 0..<5, using: &random) == 0 ? "Europe/Lisbon" : PaymentPoint.defaultTimeZone,
            status: statuses.randomElement(using: &random)!,
            // About 6 km by 6 km, some points on the very same spot.
            location: Coordinate(latitude: 23 + Double(Int.random(in: 0..<3_000, using: &random)) * 2e-5,
                                 longitude: 113.7 + Double(Int.random(in: 0..<3_000, using: &random)) * 2e-5))
    }

    private static func randomQuery(_ random: inout SeededGenerator) -> NearestQuery {
        func some<Value: Hashable & CaseIterable>(_ type: Value.Type) -> Set<Value>? {
            Bool.random(using: &random) ? nil : Set(Value.allCases.filter { _ in Int.random(in: 0..<3, using: &random) == 0 })
        }
        let moment = Date(timeIntervalSince1970: 1_767_225_600 + Double.random(in: 0..<(365 * 86_400), using: &random))
        return NearestQuery(
            location: Coordinate(latitude: 23 + Double.random(in: -0.01...0.07, using: &random), longitude: 113.7 + Double.random(in: -0.01...0.07, using: &random)),
            k: Int.random(in: 1...12, using: &random), kinds: some(PointKind.self),
            services: ServiceSet(PaymentService.allCases.filter { _ in Int.random(in: 0..<4, using: &random) == 0 }),
            statuses: some(PointStatus.self), openAt: Bool.random(using: &random) ? moment : nil, evaluatedAt: moment,
            maxDistance: Int.random(in: 0..<4, using: &random) == 0 ? Double.random(in: 100...3_000, using: &random) : nil)
    }

    /// The ids brute force finds for `query` among `points`.
    private static func bruteForce(_ points: [PaymentPoint], _ query: NearestQuery) -> [String] {
        points
            .filter { point in
                (query.kinds?.contains(point.kind) ?? true) && point.services.isSuperset(of: query.services)
                    && (query.statuses?.contains(point.status) ?? true) && (query.openAt.map { point.isOpen(at: $0) == true } ?? true)
            }
            .map { (distance: Geodesic.distance(query.location, $0.location), id: $0.id) }
            .filter { $0.distance <= (query.maxDistance ?? .infinity) }
            .sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
            .prefix(query.k)
            .map(\.id)
    }

    @Test(arguments: [false, true]) func filteredSearchesEqualBruteForce(afterWrites: Bool) {
        var random = SeededGenerator(seed: afterWrites ? 41 : 43)
        var points = (0..<1_500).map { Self.randomPoint($0, &random) }
        var index = PointIndex(points)
        if afterWrites {
            // Moved and changed points, new ones, and deletions: fewer than the overlay takes before a rebuild.
            let changed = (0..<300).map { _ in Self.randomPoint(Int.random(in: 0..<1_700, using: &random), &random) }
            let deleted = (0..<100).map { _ in String(format: "p-%05d", Int.random(in: 0..<1_500, using: &random)) }
            index = index.applying(upserts: changed, deletions: deleted)
            var model = Dictionary(points.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
            for id in deleted { model[id] = nil }
            for point in changed { model[point.id] = point }
            points = Array(model.values)
            #expect(index.count == points.count)
        }
        var differing: [String] = []
        var filtered = 0
        for _ in 0..<300 {
            let query = Self.randomQuery(&random)
            if query.kinds != nil || !query.services.isEmpty || query.statuses != nil || query.openAt != nil { filtered += 1 }
            let found = index.nearest(query).map(\.point.id), expected = Self.bruteForce(points, query)
            if found != expected { differing.append("\(query): \(found) instead of \(expected)") }
        }
        #expect(filtered > 220)
        #expect(differing.count == 0, "\(differing.count) differ, e.g. \(differing.prefix(2))")
    }

    /// More distinct hours than the tree's tags can number (16,383 rules, closed and unknown among them):
    /// the points from number 16,381 on (slots are in id order, and each point's hours make a rule of their
    /// own after those two) have their rules read by slot, and searches open at a moment still agree with
    /// brute force, around them as around the others.
    @Test func searchesOpenAtAMomentWithMoreRulesThanTagsCanNumber() {
        var random = SeededGenerator(seed: 47)
        let points = (0..<17_000).map { number in
            // Closing times from noon to midnight, a pair of its own for every point: weekdays by the minute,
            // Saturdays by the half hour.
            let weekday = 12 * 60 + number % 720, saturday = 12 * 60 + (number / 720) * 30
            let hours = String(format: "Mo-Fr 08:00-%02d:%02d; Sa 09:00-%02d:%02d", weekday / 60, weekday % 60, saturday / 60, saturday % 60)
            // The last points, whose rules come last, share a smaller square that half the queries aim at.
            let spread = number >= 16_000 ? 0.004 : 0.05
            return PaymentPoint(id: String(format: "h-%05d", number), name: "Point \(number)", kind: .agency, services: [.cash],
                                openingHours: OpeningHours(hours), timeZone: PaymentPoint.defaultTimeZone, status: .online,
                                location: Coordinate(latitude: 23 + Double.random(in: 0..<spread, using: &random),
                                                     longitude: 113.7 + Double.random(in: 0..<spread, using: &random)))
        }
        let index = PointIndex(points)
        var differing: [String] = []
        var answered = 0, beyondTheTags = 0
        for number in 0..<80 {
            // Weekday and Saturday afternoons and evenings in Asia/Shanghai (UTC+8), when some points have closed.
            let day = Double([0, 1, 2, 3, 4, 5].randomElement(using: &random)!), hour = Double.random(in: 12...24, using: &random)
            let moment = Date(timeIntervalSince1970: 1_767_225_600 + (4 + day) * 86_400 + (hour - 8) * 3_600)  // Monday 2026-01-05 onwards
            let spread = number.isMultiple(of: 2) ? 0.004 : 0.05
            let query = NearestQuery(location: Coordinate(latitude: 23 + Double.random(in: 0..<spread, using: &random),
                                                          longitude: 113.7 + Double.random(in: 0..<spread, using: &random)),
                                     k: Int.random(in: 1...12, using: &random), openAt: moment, evaluatedAt: moment)
            let found = index.nearest(query).map(\.point.id), expected = Self.bruteForce(points, query)
            if found != expected { differing.append("\(query): \(found) instead of \(expected)") }
            if !found.isEmpty { answered += 1 }
            if found.contains(where: { Int($0.dropFirst(2))! >= 16_381 }) { beyondTheTags += 1 }
        }
        #expect(differing.count == 0, "\(differing.count) differ, e.g. \(differing.prefix(2))")
        #expect(answered > 50 && beyondTheTags > 10, "\(answered) answered, \(beyondTheTags) with points beyond the tags' numbers")
    }
}
