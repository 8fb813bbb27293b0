import PayCircleCore

/// Reads a (Multi)Polygon from OGC well-known binary, as `AsBinary` (SpatiaLite) and `ST_AsBinary` (PostGIS)
/// write it. Coordinates come back bit for bit, which text forms with a fixed number of decimals do not
/// promise; both stores read areas this way.
package enum MultiPolygonWKB {
    package static func polygons(_ bytes: [UInt8]) throws(StoreError) -> [PopulationArea.Polygon] {
        var reader = Reader(bytes: bytes)
        let polygons: [PopulationArea.Polygon]
        switch try reader.header() {
        case 3: polygons = [try reader.polygonBody()]
        case 6:
            polygons = try (0..<reader.count()).map { _ throws(StoreError) in
                guard try reader.header() == 3 else { throw StoreError("a MultiPolygon holds something other than polygons") }
                return try reader.polygonBody()
            }
        case let type: throw StoreError("expected a Polygon or MultiPolygon, found WKB geometry type \(type)")
        }
        guard reader.offset == bytes.count else { throw StoreError("trailing bytes after a WKB geometry") }
        return polygons
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0
        var littleEndian = true

        mutating func word() throws(StoreError) -> UInt32 {
            guard offset + 4 <= bytes.count else { throw StoreError("a WKB geometry ends early") }
            let value = bytes[offset..<offset + 4].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) }
            offset += 4
            return littleEndian ? value : value.byteSwapped
        }

        mutating func count() throws(StoreError) -> Int {
            let value = Int(try word())
            guard value <= (bytes.count - offset) else { throw StoreError("a WKB count exceeds the geometry's size") }
            return value
        }

        mutating func double() throws(StoreError) -> Double {
            let low = UInt64(try word()), high = UInt64(try word())
            return Double(bitPattern: littleEndian ? high << 32 | low : low << 32 | high)
        }

        /// The byte order and geometry type of the next geometry.
        mutating func header() throws(StoreError) -> UInt32 {
            guard offset < bytes.count, bytes[offset] <= 1 else { throw StoreError("not a WKB geometry") }
            littleEndian = bytes[offset] == 1
            offset += 1
            return try word()
        }

        mutating func polygonBody() throws(StoreError) -> PopulationArea.Polygon {
            try (0..<count()).map { _ throws(StoreError) in
                try (0..<count()).map { _ throws(StoreError) in
                    let longitude = try double()
                    return Coordinate(latitude: try double(), longitude: longitude)
                }
            }
        }
    }
}
