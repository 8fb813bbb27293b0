import CProj
import Foundation
import PayCircleCore
import PayCircleStore
import PayCircleTestSupport
import Testing
import PayCircleSimulation

/// Checks the core's geodesic distance and the PROJ projection against independent references.
@Suite struct GeodesicReferenceTests {
    @Test func vincentyAgreesWithKarneyInPROJ() {
        var geodesic = geod_geodesic()
        geod_init(&geodesic, Geodesic.semiMajorAxis, Geodesic.flattening)
        var random = SeededGenerator(seed: 99)
        for _ in 0..<2_000 {
            let a = Coordinate(latitude: .random(in: -70...70, using: &random), longitude: .random(in: -180...180, using: &random))
            let b = Coordinate(latitude: .random(in: -70...70, using: &random), longitude: .random(in: -180...180, using: &random))
            var reference = 0.0, azimuth1 = 0.0, azimuth2 = 0.0
            geod_inverse(&geodesic, a.latitude, a.longitude, b.latitude, b.longitude, &reference, &azimuth1, &azimuth2)
            #expect(abs(Geodesic.distance(a, b) - reference) < 0.001, "\(a) \(b)")
        }
    }

    @Test func utmProjectionHasKnownValues() throws {
        // Zone 50N has its central meridian at 117°E: the equator there is (500000, 0).
        let projection = try MetricProjection(around: Coordinate(latitude: 23, longitude: 117.5))
        #expect(projection.epsgCode == 32650)
        let origin = try projection.project(Coordinate(latitude: 0, longitude: 117))
        #expect(abs(origin.x - 500_000) < 1e-6 && abs(origin.y) < 1e-6)
        // On the central meridian the scale factor is 0.9996: a kilometre north projects to 999.6 m.
        let south = Coordinate(latitude: 23, longitude: 117), north = Coordinate(latitude: 23.009, longitude: 117)
        let p = try projection.project(south), q = try projection.project(north)
        #expect(abs((q.y - p.y) - Geodesic.distance(south, north) * 0.9996) < 0.01)
        let back = try projection.unproject(x: q.x, y: q.y)
        #expect(Geodesic.distance(back, north) < 1e-6)
    }
}
