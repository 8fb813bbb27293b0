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
        let plane = LocalPlane(origin: place)
        let longitudeScale = cos(place.latitude * .pi / 180)
        var best: NetworkLocation?
        // Geodesic distances (Vincenty) are worked out only for edges within a hair of the nearest so far
        // in the flat frame at the place, whose error over these distances is far below that hair.
        var nearestInPlane = Double.infinity
        var ring = 0
        while ring <= Int(maxDistance / SegmentGrid.cellSize) + 2 {
            segments.edges(around: centre, ring: ring) { edge in
                let (fraction, point) = project(place, onto: edge, longitudeScale: longitudeScale)
                let (dx, dy) = plane.project(point)
                let inPlane = (dx * dx + dy * dy).squareRoot()
                guard inPlane <= nearestInPlane * 1.002 + 0.001 else { return }
                nearestInPlane = min(nearestInPlane, inPlane)
                let candidate = NetworkLocation(edge: edge, fraction: fraction, coordinate: point, snapDistance: Geodesic.distance(place, point))
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

    /// Projects `place` onto edge `edge` in a local tangent plane at the place (`longitudeScale` is the
    /// cosine of its latitude): how far along the edge the foot of the perpendicular lies, and where.
    func project(_ place: Coordinate, onto edge: Int32, longitudeScale scale: Double) -> (fraction: Double, point: Coordinate) {
        let e = edges[Int(edge)]
        let a = coordinates[Int(e.source)], b = coordinates[Int(e.target)]
        let ax = (a.longitude - place.longitude) * scale, ay = a.latitude - place.latitude
        let bx = (b.longitude - place.longitude) * scale, by = b.latitude - place.latitude
        let dx = bx - ax, dy = by - ay
        let lengthSquared = dx * dx + dy * dy
        let t = lengthSquared > 0 ? min(1, max(0, -(ax * dx + ay * dy) / lengthSquared)) : 0
        let point = Coordinate(latitude: a.latitude + (b.latitude - a.latitude) * t,
                               longitude: a.longitude + (b.longitude - a.longitude) * t)
        return (t, point)
    }
}
