import Foundation
import PayCircleCore

/// A uniform grid over the network's edges (segments) in a local metric frame, for finding the edge
/// nearest to a place. Each edge is listed in every cell its bounding box touches.
struct SegmentGrid: Sendable {
    static let cellSize = 100.0
    private static let metresPerDegree = 111_319.49

    private let originLatitude: Double
    private let originLongitude: Double
    private let longitudeScale: Double
    private var cells: [Int64: [Int32]] = [:]

    init(coordinates: [Coordinate], edges: [WalkingNetworkData.Edge], include: (WalkingNetworkData.Edge) -> Bool) {
        originLatitude = coordinates.first?.latitude ?? 0
        originLongitude = coordinates.first?.longitude ?? 0
        longitudeScale = cos(originLatitude * .pi / 180)
        for (index, edge) in edges.enumerated() where include(edge) {
            let a = cell(of: coordinates[Int(edge.source)]), b = cell(of: coordinates[Int(edge.target)])
            for x in min(a.x, b.x)...max(a.x, b.x) {
                for y in min(a.y, b.y)...max(a.y, b.y) { cells[Self.key(x, y), default: []].append(Int32(index)) }
            }
        }
    }

    func cell(of c: Coordinate) -> (x: Int, y: Int) {
        let x = (c.longitude - originLongitude) * longitudeScale * Self.metresPerDegree / Self.cellSize
        let y = (c.latitude - originLatitude) * Self.metresPerDegree / Self.cellSize
        return (Int(x.rounded(.down)), Int(y.rounded(.down)))
    }

    /// Edges listed in the cells of the square ring at Chebyshev distance `ring` around `centre`.
    func edges(around centre: (x: Int, y: Int), ring: Int, _ body: (Int32) -> Void) {
        for x in (centre.x - ring)...(centre.x + ring) {
            for y in (centre.y - ring)...(centre.y + ring) where ring == 0 || abs(x - centre.x) == ring || abs(y - centre.y) == ring {
                cells[Self.key(x, y)]?.forEach(body)
            }
        }
    }

    /// A lower bound, in metres, of the distance from any place in the centre cell to cells of `ring`
    /// (with a 10% allowance for the grid's flat-earth scale).
    static func reach(ofRing ring: Int) -> Double { Double(max(ring - 1, 0)) * cellSize * 0.9 }

    private static func key(_ x: Int, _ y: Int) -> Int64 { Int64(x) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: y))) }
}
