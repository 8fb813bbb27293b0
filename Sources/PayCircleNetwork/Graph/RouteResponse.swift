import PayCircleCore

/// A route in the JSON shape of DESIGN.md: `{"distance_m", "duration_s", "geometry": <GeoJSON LineString>,
/// "steps": [{"instruction", "name", "distance_m", "duration_s"}]}`, plus how far each end was snapped.
/// The geometry is WGS-84 longitude, latitude (RFC 7946).
public struct RouteResponse: JSONWritable, Sendable {
    public var route: WalkingRoute
    /// The destination point's id, when the route leads to a channel.
    public var toPoint: String?

    public init(route: WalkingRoute, toPoint: String? = nil) {
        self.route = route
        self.toPoint = toPoint
    }

    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("distance_m", route.distance, places: 1)
            json.field("duration_s", route.duration.rounded())
            json.key("geometry")
            LineString(coordinates: route.geometry).write(to: &json)
            json.key("steps")
            json.array { json in
                for step in route.steps {
                    json.object { json in
                        json.field("instruction", step.instruction)
                        json.nullableField("name", step.name)
                        json.field("distance_m", step.distance, places: 1)
                        json.field("duration_s", step.duration.rounded())
                    }
                }
            }
            json.field("start_snap_m", route.start.snapDistance, places: 1)
            json.field("end_snap_m", route.end.snapDistance, places: 1)
            json.optionalField("to_point", toPoint)
            json.field("attribution", "© OpenStreetMap contributors, ODbL")
        }
    }
}

/// A GeoJSON LineString.
public struct LineString: JSONWritable, Sendable {
    public var coordinates: [Coordinate]

    public init(coordinates: [Coordinate]) { self.coordinates = coordinates }

    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("type", "LineString")
            json.key("coordinates")
            json.array { json in
                for c in coordinates { json.position(c) }
            }
        }
    }
}
