/// The coordinate systems that phones and map SDKs in China send and expect.
///
/// Everything is stored in WGS-84; GCJ-02 (Amap, Tencent, WeChat) and BD-09 (Baidu) are converted
/// at the edges with ``ChinaDatum``.
public enum CoordinateSystem: String, Sendable, CaseIterable, Codable {
    case wgs84
    case gcj02
    case bd09

    /// Converts a coordinate given in this system to WGS-84.
    public func toWGS84(_ coordinate: Coordinate) -> Coordinate {
        switch self {
        case .wgs84: coordinate
        case .gcj02: ChinaDatum.wgs84(fromGCJ02: coordinate)
        case .bd09: ChinaDatum.wgs84(fromGCJ02: ChinaDatum.gcj02(fromBD09: coordinate))
        }
    }

    /// Converts a WGS-84 coordinate to this system.
    public func fromWGS84(_ coordinate: Coordinate) -> Coordinate {
        switch self {
        case .wgs84: coordinate
        case .gcj02: ChinaDatum.gcj02(fromWGS84: coordinate)
        case .bd09: ChinaDatum.bd09(fromGCJ02: ChinaDatum.gcj02(fromWGS84: coordinate))
        }
    }
}
