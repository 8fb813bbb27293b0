/// Points as an RFC 7946 GeoJSON FeatureCollection (always WGS-84 longitude, latitude) with the point's
/// fields as properties; for nearest results also the distance and the open state.
public struct PointFeatureCollection<Properties: Encodable & Sendable>: Encodable, Sendable {
    struct Feature: Encodable, Sendable {
        struct Geometry: Encodable, Sendable {
            let type = "Point"
            let coordinates: [Double]
        }
        let type = "Feature"
        let id: String
        let geometry: Geometry
        let properties: Properties
    }

    let type = "FeatureCollection"
    let features: [Feature]

    init(_ items: [(PaymentPoint, Properties)]) {
        features = items.map { point, properties in
            Feature(
                id: point.id,
                geometry: .init(coordinates: [PointJSON.rounded(point.location.longitude), PointJSON.rounded(point.location.latitude)]),
                properties: properties
            )
        }
    }
}

extension PointFeatureCollection where Properties == NearestResponse.Result {
    public init(matches: [NearestMatch]) {
        self.init(matches.map { ($0.point, NearestResponse.Result(match: $0, crs: .wgs84)) })
    }
}

extension PointFeatureCollection where Properties == PointJSON {
    public init(points: [PaymentPoint]) {
        self.init(points.map { ($0, PointJSON($0)) })
    }
}
