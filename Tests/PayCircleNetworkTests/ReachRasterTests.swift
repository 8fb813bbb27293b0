import PayCircleCore
@testable import PayCircleNetwork
import PayCircleSimulation
import Testing

/// The raster marks each row's run of cells from the covered region's extent and settles the run's ends
/// with the exact test; it must mark exactly the cells a test of every cell against every segment marks.
@Suite struct ReachRasterTests {
    @Test(arguments: [1, 2, 3])
    func rowRunsMarkExactlyTheCellsWithinTheRadiusOfSomeSegment(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        func unit() -> Double { Double(random.next() % 1_000_000) / 1_000_000 }
        let origin = Coordinate(latitude: 41.15, longitude: -8.61)
        var segments: [(Coordinate, Coordinate)] = []
        for index in 0..<400 {
            let a = Coordinate(latitude: origin.latitude + unit() * 0.01, longitude: origin.longitude + unit() * 0.01)
            // Slanted, axis-parallel, nearly axis-parallel and zero-length segments of up to ~150 m.
            var b = Coordinate(latitude: a.latitude + (unit() - 0.5) * 0.002, longitude: a.longitude + (unit() - 0.5) * 0.002)
            switch index % 5 {
            case 1: b.latitude = a.latitude
            case 2: b.longitude = a.longitude
            case 3: b.latitude = a.latitude + 1e-9
            case 4 where index % 10 == 4: b = a
            default: break
            }
            segments.append((a, b))
        }
        let radius = 30.0
        let raster = ReachRaster(segments: segments, radius: radius)
        let local = segments.map { a, b in
            ((a.longitude - raster.originLongitude) * raster.metresPerDegreeLongitude, (a.latitude - raster.originLatitude) * raster.metresPerDegreeLatitude,
             (b.longitude - raster.originLongitude) * raster.metresPerDegreeLongitude, (b.latitude - raster.originLatitude) * raster.metresPerDegreeLatitude)
        }
        var expected = [Bool](repeating: false, count: raster.width * raster.height)
        for j in 0..<raster.height {
            let py = raster.minY + (Double(j) + 0.5) * raster.cellSize
            for i in 0..<raster.width {
                let px = raster.minX + (Double(i) + 0.5) * raster.cellSize
                expected[j * raster.width + i] = local.contains { ax, ay, bx, by in
                    // Distance from the cell centre to the nearest point of the segment.
                    let dx = bx - ax, dy = by - ay, lengthSquared = dx * dx + dy * dy
                    let t = lengthSquared > 0 ? min(1, max(0, ((px - ax) * dx + (py - ay) * dy) / lengthSquared)) : 0
                    let ex = ax + t * dx - px, ey = ay + t * dy - py
                    return ex * ex + ey * ey <= radius * radius
                }
            }
        }
        #expect(expected.contains(true))
        let differing = (0..<raster.height).reduce(0) { sum, j in
            sum + (0..<raster.width).filter { i in raster.marked.contains(i, j) != expected[j * raster.width + i] }.count
        }
        #expect(differing == 0, "\(differing) of \(expected.count) cells differ")
    }
}
