import Foundation
import PayCircleCore
import PayCircleTestSupport
import Testing

@Suite struct PointIndexTests {
    private static let origin = Coordinate(latitude: 23.0200, longitude: 113.7500)

    /// A point `metres` north of the origin (one degree of latitude is about 110.7 km here).
    private static func point(_ id: String, north metres: Double, kind: PointKind = .agency, hours: String? = nil,
                              services: ServiceSet = [.cash], status: PointStatus = .online) -> PaymentPoint {
        PaymentPoint(id: id, name: id, kind: kind, services: services, openingHours: hours.map(OpeningHours.init), status: status,
                     location: Coordinate(latitude: origin.latitude + metres / 110_700, longitude: origin.longitude))
    }

    private let points = [
        point("hall-1", north: 300, kind: .hall, hours: "Mo-Fr 09:00-17:00", services: [.cash, .card, .invoice]),
        point("kiosk-1", north: 100, kind: .kiosk, hours: "24/7", services: [.card, .qr]),
        point("shop-1", north: 200, hours: "Mo-Su 07:00-23:00"),
        point("shop-2", north: 50, hours: "Mo-Su 07:00-23:00", status: .offline),
        point("atm-1", north: 400, kind: .bankBooth),
    ]

    private func ids(_ matches: [NearestMatch]) -> [String] { matches.map(\.point.id) }

    @Test func ranksByDistanceAndFilters() {
        let index = PointIndex(points)
        #expect(ids(index.nearest(NearestQuery(location: Self.origin, k: 3))) == ["shop-2", "kiosk-1", "shop-1"])
        #expect(ids(index.nearest(NearestQuery(location: Self.origin, kinds: [.hall, .bankBooth]))) == ["hall-1", "atm-1"])
        #expect(ids(index.nearest(NearestQuery(location: Self.origin, services: [.card]))) == ["kiosk-1", "hall-1"])
        #expect(ids(index.nearest(NearestQuery(location: Self.origin, statuses: [.offline]))) == ["shop-2"])
        #expect(ids(index.nearest(NearestQuery(location: Self.origin, maxDistance: 150))) == ["shop-2", "kiosk-1"])
    }

    @Test func openAtFiltersByHoursTimeZoneAndStatus() throws {
        // Monday 2026-11-23 22:30 in Shanghai: the kiosk (24/7) and shop-1 (until 23:00) are open; the hall
        // is closed, shop-2 is offline and the ATM's hours are unknown.
        let night = try #require(PointRecord.parseTimestamp("2026-11-23T22:30:00+08:00"))
        let index = PointIndex(points)
        let open = index.nearest(NearestQuery(location: Self.origin, openAt: night))
        #expect(ids(open) == ["kiosk-1", "shop-1"])
        let all = index.nearest(NearestQuery(location: Self.origin, k: 10, evaluatedAt: night))
        #expect(all.map(\.isOpen) == [false, true, true, false, nil])
    }

    @Test func matchesSayWhereTheyWereFoundButCompareByWhatTheyAre() {
        let moment = Date(timeIntervalSince1970: 1_796_000_000)
        let first = PointIndex(points), second = PointIndex(points)
        let query = NearestQuery(location: Self.origin, k: 5, evaluatedAt: moment)
        let a = first.nearest(query), b = second.nearest(query)
        #expect(a.map { $0.slot?.generation } == Array(repeating: first.slotGeneration, count: 5))
        #expect(a.map { $0.slot?.position } == b.map { $0.slot?.position })
        #expect(first.slotGeneration != second.slotGeneration)
        #expect(a == b && Set(a) == Set(b) && Set(a).count == 5)
        var renamed = a[0]
        renamed.point.name = "renamed"
        #expect(renamed.slot == nil, "a changed point is no longer the one in the slot")
    }

    @Test func writesProduceNewSnapshotsAndOldOnesStayIntact() {
        let before = PointIndex(points)
        var moved = points[4]
        moved.location = Self.origin
        let after = before.applying(upserts: [moved, Self.point("new-1", north: 10)], deletions: ["shop-2"])
        #expect(ids(after.nearest(NearestQuery(location: Self.origin, k: 3))) == ["atm-1", "new-1", "kiosk-1"])
        #expect(after.point(id: "shop-2") == nil)
        #expect(after.count == 5)
        #expect(ids(before.nearest(NearestQuery(location: Self.origin, k: 2))) == ["shop-2", "kiosk-1"])
        #expect(before.count == 5)
    }

    @Test func largeOverlaysAreFoldedIntoTheTree() {
        var index = PointIndex(points)
        let many = (0..<3_000).map { Self.point("bulk-\($0)", north: 1_000 + Double($0)) }
        index = index.applying(upserts: many)
        #expect(index.count == 3_005)
        #expect(ids(index.nearest(NearestQuery(location: Self.origin, k: 1, kinds: [.agency], statuses: [.online]))) == ["shop-1"])
        let far = Coordinate(latitude: Self.origin.latitude + 2_999.5 / 110_700 + 1_000 / 110_700, longitude: Self.origin.longitude)
        #expect(ids(index.nearest(NearestQuery(location: far, k: 2))).sorted() == ["bulk-2999", "bulk-2998"].sorted())
    }

    @Test func boundingBoxListsInIdOrder() {
        let index = PointIndex(points)
        let box = BoundingBox(minLongitude: 113.7, minLatitude: 23.0, maxLongitude: 113.8, maxLatitude: 23.02 + 250 / 110_700)
        #expect(index.points(in: box).map(\.id) == ["kiosk-1", "shop-1", "shop-2"])
        #expect(index.points(in: box, kinds: [.kiosk]).map(\.id) == ["kiosk-1"])
    }
}
