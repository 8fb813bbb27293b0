/// SpatiaLite's own binary geometry format, written directly, for bulk loads that would otherwise call
/// `MakePoint` and `MakeLine` once per row.
///
/// The layout (little-endian): `0x00`, `0x01`, the SRID (Int32), the bounding box (min x, min y, max x,
/// max y as Doubles), `0x7C`, the geometry class (Int32; 2 = LINESTRING), the point count (Int32), the
/// points as x, y Doubles, and `0xFE`. Stores read it exactly as they read what `MakeLine` returns.
///
/// ```swift
/// let blob = SpatiaLiteGeometryBlob.lineString([(113.75, 23.02), (113.76, 23.03)], srid: 4326)
/// ```
enum SpatiaLiteGeometryBlob {
    /// A LINESTRING through `points` (x = longitude, y = latitude for SRID 4326).
    static func lineString(_ points: [(x: Double, y: Double)], srid: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(48 + 16 * points.count)
        func append<Number: FixedWidthInteger>(_ number: Number) {
            withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
        }
        func append(_ number: Double) { append(number.bitPattern) }
        bytes.append(0x00)
        bytes.append(0x01)
        append(srid)
        append(points.map(\.x).min() ?? 0)
        append(points.map(\.y).min() ?? 0)
        append(points.map(\.x).max() ?? 0)
        append(points.map(\.y).max() ?? 0)
        bytes.append(0x7C)
        append(Int32(2))
        append(Int32(points.count))
        for point in points {
            append(point.x)
            append(point.y)
        }
        bytes.append(0xFE)
        return bytes
    }
}
