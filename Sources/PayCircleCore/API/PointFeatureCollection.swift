/// Points as an RFC 7946 GeoJSON FeatureCollection (always WGS-84 longitude, latitude) with the point's
/// fields as properties; for nearest results also the distance and the open state.
public struct PointFeatureCollection: JSONWritable, Sendable {
    private let features: [(point: PaymentPoint, properties: any JSONWritable & Sendable)]

    public init(matches: [NearestMatch]) {
        features = matches.map { ($0.point, NearestResponse.Result(match: $0, crs: .wgs84)) }
    }

    public init(points: [PaymentPoint]) {
        features = points.map { ($0, PointJSON($0)) }
    }

    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("type", "FeatureCollection")
            json.key("features")
            json.array { json in
                for feature in features {
                    json.object { json in
                        json.field("type", "Feature")
                        json.field("id", feature.point.id)
                        json.key("geometry")
                        json.object { json in
                            json.field("type", "Point")
                            json.key("coordinates")
                            json.position(feature.point.location)
                        }
                        json.key("properties")
                        feature.properties.write(to: &json)
                    }
                }
            }
        }
    }
}
