import PayCircleCore

/// Gaps as JSON — the coverage totals, the threshold and `"gaps": [{area figures…, "uncovered_m2"}]`,
/// most uncovered people first — or, as GeoJSON, one Feature per gap whose geometry is where its uncovered
/// people live.
public struct GapResponse: JSONWritable, Sendable {
    public var report: GapReport
    public var asGeoJSON: Bool

    public init(_ report: GapReport, asGeoJSON: Bool = false) {
        self.report = report
        self.asGeoJSON = asGeoJSON
    }

    public func write(to json: inout JSONWriter) {
        guard !asGeoJSON else {
            PlanningJSON.featureCollection(report.gaps, to: &json, geometry: { gap, json in json.raw(gap.uncoveredGeoJSON) }, properties: writeFields)
            return
        }
        json.object { json in
            PlanningJSON.header(report.coverage, to: &json)
            json.field("threshold", report.threshold)
            json.key("gaps")
            json.array { json in for gap in report.gaps { json.object { json in writeFields(gap, to: &json) } } }
        }
    }

    private func writeFields(_ gap: GapReport.Gap, to json: inout JSONWriter) {
        PlanningJSON.areaFields(gap.area, to: &json)
        json.field("uncovered_m2", gap.uncoveredSurface.rounded())
    }
}
