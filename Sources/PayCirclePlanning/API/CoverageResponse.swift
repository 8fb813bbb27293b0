import PayCircleCore

/// A coverage report in the JSON shape of DESIGN.md — `{"minutes", "at", "population",
/// "covered_population", "covered_share", "areas": [{"id", "name", "population", "covered_population",
/// "covered_share", "median_walk_s"}]}` with each area's `method`, the channel counts and the method note —
/// and, with `compare`, the same report at a second moment under `"compare"`. As GeoJSON: one Feature per
/// area with its polygons and figures.
public struct CoverageResponse: JSONWritable, Sendable {
    public var report: CoverageReport
    public var compare: CoverageReport?
    /// The areas' polygons, for GeoJSON; nil for plain JSON.
    public var polygons: [[PopulationArea.Polygon]]?
    /// The question of a what-if, answered under `"what_if": {"added", "removed"}`.
    public var whatIf: WhatIf?
    /// A what-if's walking seconds per street edge (by the ids `/v1/streets` gives), under `"streets"`.
    public var streets: [(id: Int, seconds: Double)]?

    public init(_ report: CoverageReport, compare: CoverageReport? = nil, polygons: [[PopulationArea.Polygon]]? = nil, whatIf: WhatIf? = nil,
                streets: [(id: Int, seconds: Double)]? = nil) {
        self.report = report
        self.compare = compare
        self.polygons = polygons
        self.whatIf = whatIf
        self.streets = streets
    }

    public func write(to json: inout JSONWriter) {
        if let polygons {
            PlanningJSON.featureCollection(Array(zip(report.areas, polygons)), to: &json,
                                           geometry: { item, json in PlanningJSON.multiPolygon(item.1, to: &json) },
                                           properties: { item, json in PlanningJSON.areaFields(item.0, to: &json) })
            return
        }
        json.object { json in
            Self.writeReport(report, to: &json)
            if let whatIf {
                json.key("what_if")
                json.object { json in
                    json.field("added", whatIf.add.count)
                    json.field("removed", whatIf.remove.count)
                }
            }
            if let streets {
                json.key("streets")
                json.array { json in
                    for street in streets {
                        json.object { json in
                            json.field("id", street.id)
                            json.nullableField("walk_s", street.seconds.isFinite ? street.seconds.rounded() : nil)
                        }
                    }
                }
            }
            if let compare {
                json.key("compare")
                json.object { json in Self.writeReport(compare, to: &json) }
            }
        }
    }

    static func writeReport(_ report: CoverageReport, to json: inout JSONWriter) {
        PlanningJSON.header(report, to: &json)
        json.key("areas")
        json.array { json in
            for area in report.areas { json.object { json in PlanningJSON.areaFields(area, to: &json) } }
        }
    }
}
