import Foundation
import PayCircleCore
import Testing

/// Records rendered once write the same bytes as records written each time, in every coordinate system,
/// with text that needs escaping; a cache of another coordinate system is not used.
@Suite struct PointFieldCacheTests {
    static let points = [
        PaymentPoint(id: "k-\"1\"", name: "自助缴费终端\n(东门)", kind: .kiosk, services: [.card, .qr], openingHours: OpeningHours("24/7"),
                     address: "东莞市\\南城区", updatedAt: Date(timeIntervalSince1970: 1_796_000_000), location: Coordinate(latitude: 23.02, longitude: 113.75),
                     hoursAssumed: true),
        PaymentPoint(id: "hall-1", name: "南城营业厅", kind: .hall, grade: .a, services: [.cash], location: Coordinate(latitude: 23.03, longitude: 113.76)),
    ]

    @Test(arguments: CoordinateSystem.allCases) func cachedRecordsAreTheSameBytes(crs: CoordinateSystem) throws {
        let index = PointIndex(Self.points)
        let request = try NearestRequest(QueryParameters(["lat": "23.02", "lon": "113.75", "k": "2", "crs": crs.rawValue]))
        let matches = index.nearest(request.query)
        let cache = PointFieldCache(crs: crs)
        let plain = NearestResponse(request: request, matches: matches).jsonBytes
        #expect(NearestResponse(request: request, matches: matches, fields: cache).jsonBytes == plain)
        #expect(NearestResponse(request: request, matches: matches, fields: cache).jsonBytes == plain, "and again, from the cache")
        let other = PointFieldCache(crs: crs == .wgs84 ? .gcj02 : .wgs84)
        #expect(NearestResponse(request: request, matches: matches, fields: other).jsonBytes == plain)
        #expect(try JSONSerialization.jsonObject(with: Data(plain)) is [String: Any])
    }
}
