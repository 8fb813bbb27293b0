import PayCircleCore

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
    /// each widened by ``isochroneBuffer`` metres and merged into one (Multi)Polygon with holes where the
    /// network leaves them (see ``ReachRaster``).
    public func isochrone(from place: Coordinate, seconds: Double) throws(NetworkError) -> Isochrone {
        let origin = try snap(place, field: "lat")
        // Reached stretches of edges as (edge, from, to), sorted by edge and start, then merged per edge.
        var pieces: [(edge: Int32, from: Double, to: Double)] = []
        withShortestPaths(from: origin, limit: seconds, keepsMetres: false) { tree in
            for node in tree.reachedNodes where tree.seconds(node) < seconds {
                let budget = seconds - tree.seconds(node)
                for arc in Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1]) {
                    let edge = arcEdge[arc]
                    let time = edgeSeconds[Int(edge)]
                    let reach = time > 0 ? min(1, budget / time) : 1
                    pieces.append(edges[Int(edge)].source == node ? (edge, 0, reach) : (edge, 1 - reach, 1))
                }
            }
        }
        let originEdge = edges[Int(origin.edge)]
        let originReach = edgeSeconds[Int(origin.edge)] > 0 ? seconds / edgeSeconds[Int(origin.edge)] : 1
        pieces.append((origin.edge, originEdge.isOneway ? origin.fraction : max(0, origin.fraction - originReach), min(1, origin.fraction + originReach)))
        pieces.sort { ($0.edge, $0.from) < ($1.edge, $1.from) }
        var lines: [[Coordinate]] = []
        var length = 0.0
        var index = 0
        while index < pieces.count {
            // One edge's stretches, merged where they overlap or touch.
            let edge = pieces[index].edge
            var (start, end) = (pieces[index].from, pieces[index].to)
            func emit() {
                guard end > start else { return }
                length += (end - start) * edges[Int(edge)].length
                lines.append([point(on: edge, at: start), point(on: edge, at: end)])
            }
            index += 1
            while index < pieces.count, pieces[index].edge == edge {
                if pieces[index].from <= end {
                    end = max(end, pieces[index].to)
                } else {
                    emit()
                    (start, end) = (pieces[index].from, pieces[index].to)
                }
                index += 1
            }
            emit()
        }
        let raster = ReachRaster(segments: lines.map { ($0[0], $0[1]) }, radius: Self.isochroneBuffer)
        return Isochrone(seconds: seconds, origin: origin, reachedLines: lines, networkLength: length, geoJSON: raster.geoJSON(), area: raster.area)
    }
}
