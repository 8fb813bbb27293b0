import Foundation
import PayCircleCore
import PayCircleTestSupport
import Testing
import PayCircleSimulation

@Suite struct GeodesicTests {
    @Test func knownDistances() {
        // One degree of longitude on the equator is a·π/180.
        let oneDegree = Geodesic.distance(Coordinate(latitude: 0, longitude: 0), Coordinate(latitude: 0, longitude: 1))
        #expect(abs(oneDegree - 111_319.490_793) < 0.001)
        // The meridian quadrant of WGS-84 is 10,001,965.729 m.
        let quadrant = Geodesic.distance(Coordinate(latitude: 0, longitude: 10), Coordinate(latitude: 90, longitude: 10))
        #expect(abs(quadrant - 10_001_965.729) < 0.001)
    }

    @Test func chordNeverExceedsGeodesic() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let a = Coordinate(latitude: .random(in: -80...80, using: &random), longitude: .random(in: -180...180, using: &random))
            let b = Coordinate(latitude: a.latitude + .random(in: -1...1, using: &random), longitude: a.longitude + .random(in: -1...1, using: &random))
            let p = Geodesic.earthCenteredPoint(a), q = Geodesic.earthCenteredPoint(b)
            let chord = ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) + (p.z - q.z) * (p.z - q.z)).squareRoot()
            #expect(chord <= Geodesic.distance(a, b) + 1e-6)
        }
    }
}

@Suite struct GeodesicKDTreeTests {
    /// Exact brute force: spherical distances (within 0.6% of geodesic ones) pick a safe shortlist, then
    /// geodesics rank it. No tree involved.
    static func bruteForce(_ points: [Coordinate], _ origin: Coordinate, k: Int) -> [GeodesicKDTree.Neighbor] {
        let radius = 6_371_008.8, degree = Double.pi / 180
        let spherical = points.map { p -> Double in
            let dLat = (p.latitude - origin.latitude) * degree, dLon = (p.longitude - origin.longitude) * degree
            let h = sin(dLat / 2) * sin(dLat / 2) + cos(origin.latitude * degree) * cos(p.latitude * degree) * sin(dLon / 2) * sin(dLon / 2)
            return 2 * radius * asin(min(1, h.squareRoot()))
        }
        let kth = spherical.sorted()[k - 1]
        let cutoff = kth * 1.02 + 1
        return spherical.indices.filter { spherical[$0] <= cutoff }
            .map { GeodesicKDTree.Neighbor(index: $0, distance: Geodesic.distance(origin, points[$0])) }
            .sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }
            .prefix(k).map { $0 }
    }

    @Test func equalsBruteForceOn100kPoints() async {
        var random = SeededGenerator(seed: 42)
        // A metropolitan area (Dongguan and around), dense enough for close ties.
        let points = (0..<100_000).map { _ in
            Coordinate(latitude: .random(in: 22.6...23.2, using: &random), longitude: .random(in: 113.5...114.3, using: &random))
        }
        let queries = (0..<1_000).map { _ in
            Coordinate(latitude: .random(in: 22.5...23.3, using: &random), longitude: .random(in: 113.4...114.4, using: &random))
        }
        let tree = GeodesicKDTree(points)
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for part in 0..<4 {
                group.addTask {
                    var bad = 0
                    for query in queries[(part * 250)..<((part + 1) * 250)] {
                        let expected = Self.bruteForce(points, query, k: 5)
                        let found = tree.nearest(to: query, k: 5)
                        if found.map(\.index) != expected.map(\.index) { bad += 1; continue }
                        if zip(found, expected).contains(where: { abs($0.distance - $1.distance) > 0.01 }) { bad += 1 }
                    }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }

    /// Every tree size up to a few levels, so that leaves of every size sit beside nodes on either side
    /// (16 points fit one leaf, 33 split into a leaf and a node): nearest and box queries equal brute force.
    @Test func everySmallTreeEqualsBruteForce() {
        var random = SeededGenerator(seed: 11)
        for size in 0...100 {
            // A small area, with some points repeated, so that near-ties and equal points occur.
            var points = (0..<size).map { _ in
                Coordinate(latitude: .random(in: 23.00...23.01, using: &random), longitude: .random(in: 113.70...113.71, using: &random))
            }
            for position in stride(from: 3, to: size, by: 7) { points[position] = points[position / 2] }
            let tree = GeodesicKDTree(points)
            for _ in 0..<10 {
                let query = Coordinate(latitude: .random(in: 22.995...23.015, using: &random), longitude: .random(in: 113.695...113.715, using: &random))
                for k in [1, 5, 20] {
                    let found = tree.nearest(to: query, k: k)
                    let expected = size == 0 ? [] : Self.bruteForce(points, query, k: min(k, size))
                    #expect(found.map(\.index) == expected.map(\.index), "size \(size), k \(k)")
                }
                let box = BoundingBox(minLongitude: query.longitude - 0.004, minLatitude: query.latitude - 0.003,
                                      maxLongitude: query.longitude + 0.004, maxLatitude: query.latitude + 0.003)
                #expect(tree.indices(in: box) == points.indices.filter { box.contains(points[$0]) }, "size \(size)")
            }
        }
    }

    @Test func tiesGoToTheSmallerIndexAndFiltersAndRadiusApply() {
        let same = Coordinate(latitude: 23, longitude: 113)
        let points = [Coordinate(latitude: 23.001, longitude: 113), same, same, Coordinate(latitude: 23.0001, longitude: 113), same]
        let tree = GeodesicKDTree(points)
        #expect(tree.nearest(to: same, k: 3).map(\.index) == [1, 2, 4])
        #expect(tree.nearest(to: same, k: 2, accept: { index, _ in index != 1 }).map(\.index) == [2, 4])
        let withinTwentyMetres = tree.nearest(to: same, k: 10, maxDistance: 20)
        #expect(withinTwentyMetres.map(\.index) == [1, 2, 4, 3])
        #expect(GeodesicKDTree([]).nearest(to: same, k: 5).isEmpty)
    }
}
