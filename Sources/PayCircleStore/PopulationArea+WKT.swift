import PayCircleCore

extension PopulationArea {
    /// The area's polygons as WKT `MULTIPOLYGON(((lon lat, …)))`, as both stores take them.
    package var multiPolygonWKT: String {
        "MULTIPOLYGON(" + polygons.map { polygon in
            "(" + polygon.map { ring in "(" + ring.map { "\($0.longitude) \($0.latitude)" }.joined(separator: ",") + ")" }.joined(separator: ",") + ")"
        }.joined(separator: ",") + ")"
    }
}
