import Foundation

/// The published GCJ-02 ("Mars coordinates") and BD-09 obfuscations used by Chinese map providers.
///
/// PROJ does not implement them. The forward directions are closed formulas; the inverse directions
/// are solved by fixed-point iteration until the forward image of the estimate is within 1e-9 degree
/// (about 0.1 mm) of the input. Outside mainland China GCJ-02 equals WGS-84, as the algorithm specifies.
///
/// ```swift
/// let phone = Coordinate(latitude: 39.91, longitude: 116.40)     // from Amap, GCJ-02
/// let stored = ChinaDatum.wgs84(fromGCJ02: phone)
/// ```
public enum ChinaDatum {
    /// Semi-major axis and eccentricity squared of the Krasovsky 1940 ellipsoid used by GCJ-02.
    private static let krasovskyA = 6_378_245.0
    private static let krasovskyE2 = 0.006_693_421_622_965_943_23
    private static let baiduFactor = Double.pi * 3000.0 / 180.0

    /// True when GCJ-02 applies: the rough rectangle around mainland China that the algorithm uses.
    public static func isInsideChina(_ c: Coordinate) -> Bool {
        c.longitude >= 72.004 && c.longitude <= 137.8347 && c.latitude >= 0.8293 && c.latitude <= 55.8271
    }

    public static func gcj02(fromWGS84 c: Coordinate) -> Coordinate {
        guard isInsideChina(c) else { return c }
        let (dLat, dLon) = offset(c)
        return Coordinate(latitude: c.latitude + dLat, longitude: c.longitude + dLon)
    }

    public static func wgs84(fromGCJ02 c: Coordinate) -> Coordinate {
        guard isInsideChina(c) else { return c }
        return invert(c, forward: gcj02(fromWGS84:))
    }

    public static func bd09(fromGCJ02 c: Coordinate) -> Coordinate {
        let x = c.longitude, y = c.latitude
        let z = (x * x + y * y).squareRoot() + 0.000_02 * sin(y * baiduFactor)
        let theta = atan2(y, x) + 0.000_003 * cos(x * baiduFactor)
        return Coordinate(latitude: z * sin(theta) + 0.006, longitude: z * cos(theta) + 0.0065)
    }

    public static func gcj02(fromBD09 c: Coordinate) -> Coordinate {
        invert(c, forward: bd09(fromGCJ02:))
    }

    /// Solves `forward(x) = target` for x by iterating x ← x + (target − forward(x)).
    private static func invert(_ target: Coordinate, forward: (Coordinate) -> Coordinate) -> Coordinate {
        var estimate = target
        for _ in 0..<30 {
            let image = forward(estimate)
            let dLat = target.latitude - image.latitude
            let dLon = target.longitude - image.longitude
            estimate.latitude += dLat
            estimate.longitude += dLon
            if abs(dLat) < 1e-10 && abs(dLon) < 1e-10 { break }
        }
        return estimate
    }

    private static func offset(_ c: Coordinate) -> (Double, Double) {
        let x = c.longitude - 105.0, y = c.latitude - 35.0
        var dLat = transformLatitude(x, y)
        var dLon = transformLongitude(x, y)
        let radLat = c.latitude / 180.0 * .pi
        var magic = sin(radLat)
        magic = 1 - krasovskyE2 * magic * magic
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180.0) / ((krasovskyA * (1 - krasovskyE2)) / (magic * sqrtMagic) * .pi)
        dLon = (dLon * 180.0) / (krasovskyA / sqrtMagic * cos(radLat) * .pi)
        return (dLat, dLon)
    }

    private static func transformLatitude(_ x: Double, _ y: Double) -> Double {
        var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        r += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        r += (20.0 * sin(y * .pi) + 40.0 * sin(y / 3.0 * .pi)) * 2.0 / 3.0
        r += (160.0 * sin(y / 12.0 * .pi) + 320 * sin(y * .pi / 30.0)) * 2.0 / 3.0
        return r
    }

    private static func transformLongitude(_ x: Double, _ y: Double) -> Double {
        var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        r += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        r += (20.0 * sin(x * .pi) + 40.0 * sin(x / 3.0 * .pi)) * 2.0 / 3.0
        r += (150.0 * sin(x / 12.0 * .pi) + 300.0 * sin(x / 30.0 * .pi)) * 2.0 / 3.0
        return r
    }
}
