/// A WGS-84 rectangle given by its south-west and north-east corners (no antimeridian crossing).
public struct BoundingBox: Sendable, Hashable {
    public var minLongitude, minLatitude, maxLongitude, maxLatitude: Double

    public init(minLongitude: Double, minLatitude: Double, maxLongitude: Double, maxLatitude: Double) {
        self.minLongitude = minLongitude
        self.minLatitude = minLatitude
        self.maxLongitude = maxLongitude
        self.maxLatitude = maxLatitude
    }

    public func contains(_ c: Coordinate) -> Bool {
        c.longitude >= minLongitude && c.longitude <= maxLongitude && c.latitude >= minLatitude && c.latitude <= maxLatitude
    }
}
