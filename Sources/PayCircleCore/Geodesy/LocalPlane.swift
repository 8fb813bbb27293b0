import Foundation

/// A flat frame in metres around an origin (east, north), with the ellipsoid's scale at the origin's
/// latitude: good to a few parts in ten thousand across a city, enough for grids and sampling.
///
/// ```swift
/// let plane = LocalPlane(origin: Coordinate(latitude: 23.02, longitude: 113.75))
/// let (x, y) = plane.project(kiosk)          // metres east and north of the origin
/// ```
public struct LocalPlane: Sendable {
    public let origin: Coordinate
    public let metresPerDegreeLatitude: Double
    public let metresPerDegreeLongitude: Double

    /// The frame around `origin`, scaled for its latitude.
    public init(origin: Coordinate) {
        self.origin = origin
        let phi = origin.latitude * .pi / 180
        metresPerDegreeLatitude = 111_132.954 - 559.822 * cos(2 * phi) + 1.175 * cos(4 * phi)
        let e2 = Geodesic.flattening * (2 - Geodesic.flattening)
        metresPerDegreeLongitude = .pi / 180 * Geodesic.semiMajorAxis * cos(phi) / (1 - e2 * sin(phi) * sin(phi)).squareRoot()
    }

    /// Metres east and north of the origin.
    public func project(_ c: Coordinate) -> (x: Double, y: Double) {
        ((c.longitude - origin.longitude) * metresPerDegreeLongitude, (c.latitude - origin.latitude) * metresPerDegreeLatitude)
    }

    /// The position `x` metres east and `y` metres north of the origin.
    public func unproject(x: Double, y: Double) -> Coordinate {
        Coordinate(latitude: origin.latitude + y / metresPerDegreeLatitude, longitude: origin.longitude + x / metresPerDegreeLongitude)
    }

    /// Square metres inside a closed ring (shoelace formula in this plane; either winding).
    public func area(ofRing ring: [Coordinate]) -> Double {
        let points = ring.map(project)
        return abs(zip(points, points.dropFirst()).reduce(0) { $0 + ($1.0.x * $1.1.y - $1.1.x * $1.0.y) }) / 2
    }
}
