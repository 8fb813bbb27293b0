import PayCircleCore

/// An isochrone as JSON (`{"minutes", "area_m2", "network_length_m", "geometry", …}`) or, with
/// `asFeature`, as one GeoJSON Feature with those figures as properties.
public struct IsochroneResponse: JSONWritable, Sendable {
    public var isochrone: Isochrone
    public var asFeature: Bool

    public init(_ isochrone: Isochrone, asFeature: Bool = false) {
        self.isochrone = isochrone
        self.asFeature = asFeature
    }

    public func write(to json: inout JSONWriter) {
        json.object { json in
            if asFeature {
                json.field("type", "Feature")
                json.key("geometry")
                json.raw(isochrone.geoJSON)
                json.key("properties")
                json.object { json in writeFigures(to: &json) }
            } else {
                writeFigures(to: &json)
                json.key("geometry")
                json.raw(isochrone.geoJSON)
            }
        }
    }

    private func writeFigures(to json: inout JSONWriter) {
        json.field("minutes", isochrone.seconds / 60)
        json.field("area_m2", isochrone.area.rounded())
        json.field("network_length_m", isochrone.networkLength.rounded())
        json.field("origin_snap_m", isochrone.origin.snapDistance, places: 1)
        json.field("attribution", "© OpenStreetMap contributors, ODbL")
    }
}
