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
}
