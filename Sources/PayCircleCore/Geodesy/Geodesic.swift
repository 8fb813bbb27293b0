import Foundation

/// Distances on the WGS-84 ellipsoid.
///
/// ``distance(_:_:)`` solves the inverse geodesic problem with Vincenty's iteration (accurate to well under
/// a millimetre). ``earthCenteredPoint(_:)`` gives the Cartesian (ECEF) position whose straight-line
/// distance to another is a lower bound of their geodesic distance: the spatial index relies on that.
///
/// ```swift
/// let metres = Geodesic.distance(a, b)
/// ```
public enum Geodesic {
    public static let semiMajorAxis = 6_378_137.0
    public static let flattening = 1 / 298.257_223_563
    public static let semiMinorAxis = semiMajorAxis * (1 - flattening)
    private static let eccentricitySquared = flattening * (2 - flattening)

    /// A coordinate prepared for repeated distance computations: the sine and cosine of its reduced
    /// latitude and its longitude in radians, computed once.
    public struct PreparedPoint: Sendable {
        let sinU: Double, cosU: Double, longitude: Double
        let coordinate: Coordinate

        public init(_ c: Coordinate) {
            let u = atan((1 - Geodesic.flattening) * tan(c.latitude * .pi / 180))
            sinU = sin(u)
            cosU = cos(u)
            longitude = c.longitude * .pi / 180
            coordinate = c
        }
    }

    /// The geodesic distance in metres between two WGS-84 coordinates.
    public static func distance(_ p: Coordinate, _ q: Coordinate) -> Double {
        if p.latitude == q.latitude && p.longitude == q.longitude { return 0 }
        return distance(PreparedPoint(p), PreparedPoint(q))
    }

    /// The geodesic distance in metres between two prepared points (Vincenty's inverse method).
    public static func distance(_ p: PreparedPoint, _ q: PreparedPoint) -> Double {
        let a = semiMajorAxis, b = semiMinorAxis, f = flattening
        let L = q.longitude - p.longitude
        let sinU1 = p.sinU, cosU1 = p.cosU, sinU2 = q.sinU, cosU2 = q.cosU
        if sinU1 == sinU2 && L == 0 { return 0 }

        var lambda = L
        var sinSigma = 0.0, cosSigma = 0.0, sigma = 0.0, cos2Alpha = 0.0, cos2SigmaM = 0.0
        var converged = false
        for _ in 0..<200 {
            let sinLambda = sin(lambda), cosLambda = cos(lambda)
            let t1 = cosU2 * sinLambda
            let t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda
            sinSigma = (t1 * t1 + t2 * t2).squareRoot()
            if sinSigma == 0 { return 0 }
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda
            sigma = atan2(sinSigma, cosSigma)
            let sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma
            cos2Alpha = 1 - sinAlpha * sinAlpha
            cos2SigmaM = cos2Alpha != 0 ? cosSigma - 2 * sinU1 * sinU2 / cos2Alpha : 0
            let C = f / 16 * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha))
            let previous = lambda
            lambda = L + (1 - C) * f * sinAlpha
                * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)))
            if abs(lambda - previous) < 1e-12 { converged = true; break }
        }
        guard converged else { return sphericalDistance(p.coordinate, q.coordinate) }
        let u2 = cos2Alpha * (a * a - b * b) / (b * b)
        let A = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
        let B = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
        let deltaSigma = B * sinSigma * (cos2SigmaM + B / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
            - B / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)))
        return b * A * (sigma - deltaSigma)
    }

    /// Great-circle distance on the sphere of the ellipsoid's semi-major axis: an upper-side fallback for
    /// the nearly antipodal pairs where Vincenty's iteration does not converge.
    static func sphericalDistance(_ p: Coordinate, _ q: Coordinate) -> Double {
        let degree = Double.pi / 180
        let dLat = (q.latitude - p.latitude) * degree, dLon = (q.longitude - p.longitude) * degree
        let h = sin(dLat / 2) * sin(dLat / 2)
            + cos(p.latitude * degree) * cos(q.latitude * degree) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * semiMajorAxis * asin(min(1, h.squareRoot()))
    }

    /// Earth-centred, earth-fixed Cartesian coordinates in metres of a point on the ellipsoid surface.
    public static func earthCenteredPoint(_ c: Coordinate) -> (x: Double, y: Double, z: Double) {
        let degree = Double.pi / 180
        let lat = c.latitude * degree, lon = c.longitude * degree
        let sinLat = sin(lat), cosLat = cos(lat)
        let n = semiMajorAxis / (1 - eccentricitySquared * sinLat * sinLat).squareRoot()
        return (n * cosLat * cos(lon), n * cosLat * sin(lon), n * (1 - eccentricitySquared) * sinLat)
    }
}
