import Synchronization

/// Points' JSON fields (``PointJSON``) rendered once and kept, for answers that write the same records on
/// every request (nearest). One cache holds one version of the data and one coordinate system: a new
/// version needs a new cache. At most ``capacity`` points are kept; beyond that they are rendered each time.
///
/// ```swift
/// let cache = PointFieldCache(crs: .wgs84)
/// json.object { json in json.fields(cache.fields(of: point)) }
/// ```
public final class PointFieldCache: Sendable {
    public static let capacity = 100_000
    public let crs: CoordinateSystem
    private let kept = Mutex<[String: [UInt8]]>([:])

    public init(crs: CoordinateSystem) { self.crs = crs }

    /// The point's fields as PointJSON writes them inside an object, without the braces.
    public func fields(of point: PaymentPoint) -> [UInt8] {
        if let found = kept.withLock({ $0[point.id] }) { return found }
        var writer = JSONWriter()
        writer.object { json in PointJSON(point, crs: crs).writeFields(to: &json) }
        let rendered = Array(writer.bytes.dropFirst().dropLast())
        kept.withLock { if $0.count < Self.capacity { $0[point.id] = rendered } }
        return rendered
    }
}
