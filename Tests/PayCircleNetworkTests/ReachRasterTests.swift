import Foundation
import PayCircleCore
@testable import PayCircleNetwork
import PayCircleTestSupport
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

    /// The polygon must enclose exactly the marked cells: its rings, read back from the GeoJSON onto the
    /// grid, have an area (outer rings less holes, by the shoelace formula in whole cells) equal to the count
    /// of marked cells. Holes that touch their outer ring at a vertex once went missing from the output.
    @Test func thePolygonEnclosesExactlyTheMarkedCellsOfRealIsochrones() throws {
        let (graph, _) = try RouteReferenceTests.graph(Reference.geodata("osm/porto.osm.pbf"))
        var random = SeededGenerator(seed: 5)
        let nodes = graph.mainComponentNodes
        var holes = 0
        for index in 0..<24 {
            let place = graph.coordinate(ofNode: nodes.randomElement(using: &random)!)
            let isochrone = try graph.isochrone(from: place, seconds: [180.0, 600, 1200][index % 3])
            let raster = ReachRaster(segments: isochrone.reachedSegments.map { ($0.from, $0.to) }, radius: WalkingGraph.isochroneBuffer)
            #expect(isochrone.geoJSON == raster.geoJSON())
            let enclosed = try Self.enclosedCells(raster)
            #expect(enclosed.cells == raster.marked.count, "isochrone \(index)")
            holes += enclosed.holes
        }
        #expect(holes > 0)
    }

    /// The same on scattered segments, whose polygons are MultiPolygons with holes in several parts.
    @Test(arguments: [1, 2, 3])
    func thePolygonEnclosesExactlyTheMarkedCellsOfScatteredSegments(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        func unit() -> Double { Double(random.next() % 1_000_000) / 1_000_000 }
        let segments = (0..<600).map { _ in
            let a = Coordinate(latitude: 41.15 + unit() * 0.02, longitude: -8.61 + unit() * 0.02)
            return (a, Coordinate(latitude: a.latitude + (unit() - 0.5) * 0.003, longitude: a.longitude + (unit() - 0.5) * 0.003))
        }
        let raster = ReachRaster(segments: segments, radius: 30)
        let enclosed = try Self.enclosedCells(raster)
        #expect(raster.geoJSON().hasPrefix(#"{"type":"MultiPolygon""#) && enclosed.holes > 0)
        #expect(enclosed.cells == raster.marked.count)
    }

    /// Cells enclosed by the raster's GeoJSON (outer rings less holes) and the number of holes, with each
    /// ring's orientation checked: outer rings anticlockwise, holes clockwise (RFC 7946).
    static func enclosedCells(_ raster: ReachRaster) throws -> (cells: Int, holes: Int) {
        let geometry = try #require(try JSONSerialization.jsonObject(with: Data(raster.geoJSON().utf8)) as? [String: Any])
        let coordinates = try #require(geometry["coordinates"] as? [Any])
        let polygons = (geometry["type"] as? String) == "Polygon" ? [coordinates] : coordinates
        var twiceCells = 0, holes = 0
        for case let polygon as [[[Double]]] in polygons {
            holes += polygon.count - 1
            for (ringIndex, ring) in polygon.enumerated() {
                // Back onto the grid: vertices are written to 1e-7 degrees, a centimetre against 5 m cells.
                let vertices = ring.map { position in
                    (Int((((position[0] - raster.originLongitude) * raster.metresPerDegreeLongitude - raster.minX) / raster.cellSize).rounded()),
                     Int((((position[1] - raster.originLatitude) * raster.metresPerDegreeLatitude - raster.minY) / raster.cellSize).rounded()))
                }
                let twice = zip(vertices, vertices.dropFirst()).reduce(0) { $0 + $1.0.0 * $1.1.1 - $1.1.0 * $1.0.1 }
                #expect(ringIndex == 0 ? twice > 0 : twice < 0)
                twiceCells += twice
            }
        }
        #expect(twiceCells % 2 == 0)
        return (twiceCells / 2, holes)
    }
}
