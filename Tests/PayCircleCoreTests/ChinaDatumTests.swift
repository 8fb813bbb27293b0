import Foundation
import PayCircleCore
import PayCircleTestSupport
import Testing
import PayCircleSimulation

@Suite struct ChinaDatumTests {
    /// 300 deterministic places across mainland China.
    private static let places: [Coordinate] = {
        var random = SeededGenerator(seed: 2020)
        return (0..<300).map { _ in
            Coordinate(latitude: .random(in: 18.5...50, using: &random), longitude: .random(in: 98...134, using: &random))
        }
    }()

    private struct ReferencePair: Decodable {
        let wgs: [Double]
        let gcj: [Double]
        let bd: [Double]
    }

    @Test func forwardMatchesThePublicDomainReference() throws {
        let input = try JSONEncoder().encode(Self.places.map { [$0.latitude, $0.longitude] })
        let pairs = try JSONDecoder().decode([ReferencePair].self, from: Reference.python("china_datum.py", input: input))
        #expect(pairs.count == Self.places.count)
        for (place, pair) in zip(Self.places, pairs) {
            let gcj = ChinaDatum.gcj02(fromWGS84: place)
            let bd = CoordinateSystem.bd09.fromWGS84(place)
            #expect(abs(gcj.latitude - pair.gcj[0]) < 1e-9 && abs(gcj.longitude - pair.gcj[1]) < 1e-9, "\(place)")
            #expect(abs(bd.latitude - pair.bd[0]) < 1e-9 && abs(bd.longitude - pair.bd[1]) < 1e-9, "\(place)")
        }
    }

    @Test func inversesRoundTripWithinHalfAMetre() {
        for place in Self.places {
            for system in [CoordinateSystem.gcj02, .bd09] {
                let back = system.toWGS84(system.fromWGS84(place))
                #expect(Geodesic.distance(place, back) < 0.5, "\(system) \(place)")
                #expect(Geodesic.distance(place, back) < 0.01, "\(system) \(place) not even within a centimetre")
            }
        }
    }

    @Test func theOffsetIsHundredsOfMetresInChina() {
        // GCJ-02 shifts Beijing by a few hundred metres: a conversion that did nothing would pass round trips.
        let beijing = Coordinate(latitude: 39.9087, longitude: 116.3975)
        let shift = Geodesic.distance(beijing, ChinaDatum.gcj02(fromWGS84: beijing))
        #expect(shift > 100 && shift < 1000)
    }

    @Test func outsideChinaGCJ02IsWGS84() {
        let helsinki = Coordinate(latitude: 60.17, longitude: 24.94)
        #expect(ChinaDatum.gcj02(fromWGS84: helsinki) == helsinki)
        #expect(ChinaDatum.wgs84(fromGCJ02: helsinki) == helsinki)
        #expect(CoordinateSystem.gcj02.toWGS84(helsinki) == helsinki)
    }
}
