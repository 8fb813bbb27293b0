/// A position on the WGS-84 ellipsoid (EPSG:4326), in decimal degrees.
///
/// ```swift
/// let tiananmen = Coordinate(latitude: 39.9087, longitude: 116.3975)
/// ```
public struct Coordinate: Hashable, Sendable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// True when both values are finite and inside ±90° latitude and ±180° longitude.
    public var isValid: Bool {
        latitude.isFinite && longitude.isFinite && abs(latitude) <= 90 && abs(longitude) <= 180
    }
}
