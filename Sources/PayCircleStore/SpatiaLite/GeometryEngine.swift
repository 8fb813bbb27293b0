import Foundation
import PayCircleCore
import Synchronization

/// Polygon operations (buffer, union, area) through SpatiaLite's GEOS functions on a private in-memory
/// database, in the UTM zone of the data so that distances and areas are in metres.
///
/// ```swift
/// let area = try GeometryEngine().bufferedArea(of: reachedLines, metres: 30)
/// area.geoJSON   // {"type":"MultiPolygon",...} in WGS-84
/// ```
public final class GeometryEngine: Sendable {
    /// Segments per quarter circle in buffer ends and corners: 2 keeps large buffers fast, and rounds a
    /// 30 m buffer's corners to within 2.2 m of a true circle.
    public static let quadrantSegments = 2

    private let connection: Mutex<SQLiteConnectionBox>

    public init() throws {
        let memory = try SQLiteConnection(path: ":memory:")
        try memory.execute("SELECT InitSpatialMetadata(1, 'WGS84')")
        connection = Mutex(SQLiteConnectionBox(memory))
    }

    /// The area within `metres` of any of the polylines, merged: a GeoJSON (Multi)Polygon in WGS-84 with
    /// holes where the lines leave them, and its area in square metres.
    public func bufferedArea(of lines: [[Coordinate]], metres: Double) throws -> (geoJSON: String, area: Double) {
        let drawn = lines.filter { $0.count >= 2 }
        guard let centre = drawn.first?.first else { return (#"{"type":"MultiPolygon","coordinates":[]}"#, 0) }
        let wkt = "MULTILINESTRING(" + drawn.map { line in
            "(" + line.map { "\($0.longitude) \($0.latitude)" }.joined(separator: ",") + ")"
        }.joined(separator: ",") + ")"
        return try connection.withLock { box in
            let statement = try box.connection.prepare("""
                SELECT AsGeoJSON(ST_Transform(area, 4326), 7), ST_Area(area)
                FROM (SELECT ST_Buffer(ST_Simplify(ST_Transform(ST_LineMerge(GeomFromText(?1, 4326)), ?2), ?5), ?3, ?4) AS area)
                """)
            statement.bind([.text(wkt), .integer(Int64(MetricProjection.utmCode(around: centre))), .real(metres), .integer(Int64(Self.quadrantSegments)), .real(metres / 6)])
            guard try statement.step(), let geoJSON = statement.text(0) else {
                throw StoreError("SpatiaLite could not buffer the reached network")
            }
            return (geoJSON, statement.double(1))
        }
    }
}
