import PayCircleCore

/// Suggestions in the JSON shape of DESIGN.md — `{"sites": [{"rank", "candidate_id", "name", "lat", "lon",
/// "added_population", "covered_share_after"}]}` with the coverage before, the candidates considered and
/// the target — or, as GeoJSON, the sites as Point features.
public struct SuggestionResponse: JSONWritable, Sendable {
    public var report: SuggestionReport
    public var asGeoJSON: Bool
    /// Where the candidates came from (`osm`, `grid`, `file`), and why, when it was not what was asked.
    public var candidateSource: String?
    public var candidateNote: String?

    public init(_ report: SuggestionReport, asGeoJSON: Bool = false, candidateSource: String? = nil, candidateNote: String? = nil) {
        self.report = report
        self.asGeoJSON = asGeoJSON
        self.candidateSource = candidateSource
        self.candidateNote = candidateNote
    }

    public func write(to json: inout JSONWriter) {
        guard !asGeoJSON else {
            PlanningJSON.featureCollection(report.sites, to: &json, geometry: { site, json in
                json.object { json in
                    json.field("type", "Point")
                    json.key("coordinates")
                    json.position(site.candidate.location)
                }
            }, properties: writeFields)
            return
        }
        json.object { json in
            json.field("minutes", report.before.minutes)
            json.field("at", report.before.at)
            json.field("population", report.before.population.rounded())
            json.field("covered_share_before", report.before.coveredShare, places: 4)
            json.field("candidates", report.candidatesConsidered)
            if let candidateSource { json.field("candidate_source", candidateSource) }
            if let candidateNote { json.field("candidate_note", candidateNote) }
            json.nullableField("target_share", report.targetShare)
            json.nullableField("sites_for_target", report.sitesForTarget.map(Double.init))
            if let targetSites = report.targetSites {
                json.key("target_site_ids")
                json.array { json in for site in targetSites { json.string(site.id) } }
            }
            json.key("sites")
            json.array { json in for site in report.sites { json.object { json in writeFields(site, to: &json) } } }
        }
    }

    private func writeFields(_ site: SuggestionReport.Site, to json: inout JSONWriter) {
        json.field("rank", site.rank)
        json.field("candidate_id", site.candidate.id)
        json.field("name", site.candidate.name)
        json.field("lat", site.candidate.location.latitude, places: 7)
        json.field("lon", site.candidate.location.longitude, places: 7)
        json.field("added_population", site.addedPopulation.rounded())
        json.field("covered_share_after", site.coveredShareAfter, places: 4)
    }
}
