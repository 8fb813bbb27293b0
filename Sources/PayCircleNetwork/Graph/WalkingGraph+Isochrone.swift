import PayCircleCore
import PayCircleStore

/// The area reachable on foot within a time from a place.
public struct Isochrone: Sendable {
    public var seconds: Double
    public var origin: NetworkLocation
    /// The reached pieces of the network, each a polyline.
    public var reachedLines: [[Coordinate]]
    /// Metres of network reached, partial edges included.
    public var networkLength: Double
    /// GeoJSON (Multi)Polygon, WGS-84.
    public var geoJSON: String
    /// Square metres.
    public var area: Double
}

extension WalkingGraph {
    /// How far either side of a reached walkway counts as reached: a building entrance is rarely further.
    public static let isochroneBuffer = 30.0

    /// The area within `seconds` of walking from `place`: the reached edges, partial edges included,
    /// each widened by ``isochroneBuffer`` metres and merged into one (Multi)Polygon.
    public func isochrone(from place: Coordinate, seconds: Double, engine: GeometryEngine) throws -> Isochrone {
        let origin = try snap(place, field: "lat")
        let tree = shortestPaths(from: origin, limit: seconds)
        var lines: [[Coordinate]] = []
        var length = 0.0
        for (index, edge) in edges.enumerated() {
            let time = edgeSeconds[index]
            guard time > 0 else { continue }
            var pieces: [(Double, Double)] = []
            let fromSource = (seconds - tree.seconds[Int(edge.source)]) / time
            if fromSource > 0 { pieces.append((0, min(1, fromSource))) }
            if !edge.isOneway {
                let fromTarget = (seconds - tree.seconds[Int(edge.target)]) / time
                if fromTarget > 0 { pieces.append((max(0, 1 - fromTarget), 1)) }
            }
            if Int32(index) == origin.edge {
                let reach = seconds / time
                pieces.append((edge.isOneway ? origin.fraction : max(0, origin.fraction - reach), min(1, origin.fraction + reach)))
            }
            for (start, end) in Self.merged(pieces) where end > start {
                length += (end - start) * edge.length
                lines.append([point(on: Int32(index), at: start), point(on: Int32(index), at: end)])
            }
        }
        let area = try engine.bufferedArea(of: lines, metres: Self.isochroneBuffer)
        return Isochrone(seconds: seconds, origin: origin, reachedLines: lines, networkLength: length, geoJSON: area.geoJSON, area: area.area)
    }

    /// Overlapping or touching intervals of [0, 1] merged.
    static func merged(_ pieces: [(Double, Double)]) -> [(Double, Double)] {
        var result: [(Double, Double)] = []
        for piece in pieces.sorted(by: { $0.0 < $1.0 }) {
            if let last = result.last, piece.0 <= last.1 {
                result[result.count - 1].1 = max(last.1, piece.1)
            } else {
                result.append(piece)
            }
        }
        return result
    }
}
