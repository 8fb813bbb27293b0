import Foundation
import PayCircleCore

extension WalkingGraph {
    /// The default largest distance from a place to the network that still counts as on it.
    public static let defaultMaxSnapDistance = 500.0

    /// The nearest point on an edge of the main component: the projection of `place` onto the segment,
    /// not the nearest node.
    public func snap(_ place: Coordinate, maxDistance: Double = defaultMaxSnapDistance, field: String? = nil) throws(NetworkError) -> NetworkLocation {
        guard !isEmpty else {
            throw NetworkError(reason: .noNetwork, message: "no walking network is loaded; import one with 'paycircle import osm'", field: field)
        }
        let centre = segments.cell(of: place)
        var best: NetworkLocation?
        var ring = 0
        while ring <= Int(maxDistance / SegmentGrid.cellSize) + 2 {
            segments.edges(around: centre, ring: ring) { edge in
                let candidate = project(place, onto: edge)
                if candidate.snapDistance < best?.snapDistance ?? .infinity
                    || (candidate.snapDistance == best?.snapDistance && edge < best!.edge) {
                    best = candidate
                }
            }
            if let best, best.snapDistance <= SegmentGrid.reach(ofRing: ring + 1) { break }
            ring += 1
        }
        guard let best, best.snapDistance <= maxDistance else {
            throw NetworkError(reason: .tooFarFromNetwork, message: String(format: "the place is more than %.0f m from the walking network", maxDistance), field: field)
        }
        return best
    }

    /// Projects `place` onto edge `edge` in a local tangent plane at the place.
    func project(_ place: Coordinate, onto edge: Int32) -> NetworkLocation {
        let e = edges[Int(edge)]
        let a = coordinates[Int(e.source)], b = coordinates[Int(e.target)]
        let scale = cos(place.latitude * .pi / 180)
        let ax = (a.longitude - place.longitude) * scale, ay = a.latitude - place.latitude
        let bx = (b.longitude - place.longitude) * scale, by = b.latitude - place.latitude
        let dx = bx - ax, dy = by - ay
        let lengthSquared = dx * dx + dy * dy
        let t = lengthSquared > 0 ? min(1, max(0, -(ax * dx + ay * dy) / lengthSquared)) : 0
        let point = Coordinate(latitude: a.latitude + (b.latitude - a.latitude) * t,
                               longitude: a.longitude + (b.longitude - a.longitude) * t)
        return NetworkLocation(edge: edge, fraction: t, coordinate: point, snapDistance: Geodesic.distance(place, point))
    }
}
