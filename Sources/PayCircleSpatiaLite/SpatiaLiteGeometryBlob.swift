/// SpatiaLite's own binary geometry format, written directly, for bulk loads that would otherwise call
/// `MakePoint` and `MakeLine` once per row.
///
/// The layout (little-endian): `0x00`, `0x01`, the SRID (Int32), the bounding box (min x, min y, max x,
/// max y as Doubles), `0x7C`, the geometry class (Int32; 2 = LINESTRING), the point count (Int32), the
/// points as x, y Doubles, and `0xFE`. Stores read it exactly as they read what `MakeLine` returns.
///
/// ```swift
/// try SpatiaLiteGeometryBlob.withSegment(from: (113.75, 23.02), to: (113.76, 23.03), srid: 4326) { blob in
///     try insert.run { row in row.blob(blob) }
/// }
/// ```
enum SpatiaLiteGeometryBlob {
    /// Bytes of a two-point LINESTRING: 39 of header and box, 8 of class and count, 32 of points, the end mark.
    static let segmentByteCount = 39 + 8 + 2 * 16 + 1

    /// Calls `body` with the blob of the LINESTRING from `a` to `b` (x = longitude, y = latitude for
    /// SRID 4326), written into a buffer on the stack that lives only during the call: a bulk load makes
    /// no allocation per row.
    static func withSegment<Result>(
        from a: (x: Double, y: Double), to b: (x: Double, y: Double), srid: Int32,
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        try withUnsafeTemporaryAllocation(byteCount: segmentByteCount, alignment: 8) { buffer in
            var offset = 0
            func append<Number: FixedWidthInteger>(_ number: Number) {
                buffer.storeBytes(of: number.littleEndian, toByteOffset: offset, as: Number.self)
                offset += MemoryLayout<Number>.size
            }
            func append(_ number: Double) { append(number.bitPattern) }
            append(UInt8(0x00))
            append(UInt8(0x01))
            append(srid)
            // On a tie the first point's value is kept, as SpatiaLite keeps it (0.0 and -0.0 tie but differ in bytes).
            append(b.x < a.x ? b.x : a.x)
            append(b.y < a.y ? b.y : a.y)
            append(b.x > a.x ? b.x : a.x)
            append(b.y > a.y ? b.y : a.y)
            append(UInt8(0x7C))
            append(Int32(2))
            append(Int32(2))
            append(a.x)
            append(a.y)
            append(b.x)
            append(b.y)
            append(UInt8(0xFE))
            precondition(offset == segmentByteCount)
            return try body(UnsafeRawBufferPointer(buffer))
        }
    }
}
