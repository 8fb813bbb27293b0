import PayCircleCore

/// Which sites a suggestion chooses among, for the CLI and the API alike: `auto` (the default: the OSM
/// shops that are not channels yet, or when there are none, the grid, saying so), `osm`, `grid`, or sites
/// given in a file.
///
/// ```swift
/// let chosen = try CandidateChoice(named: "auto").select(shops: engine.candidates, channels: ids, layout: layout)
/// chosen.note   // "no OSM shops that are not channels yet: grid points every 250 m instead"
/// ```
public enum CandidateChoice: Sendable, Hashable {
    case automatic, osm, grid
    case given([CandidateSite])

    /// The choice called `name` (`auto`, `osm` or `grid`); nil for `auto` too.
    public init(named name: String?) throws(InputError) {
        switch name ?? "auto" {
        case "auto": self = .automatic
        case "osm": self = .osm
        case "grid": self = .grid
        case let other: throw InputError("unknown value '\(other)' (expected auto, osm or grid)", field: "candidates")
        }
    }

    /// The sites chosen among, where they came from (`osm`, `grid` or `file`), and a note when the choice
    /// fell back to the grid. An explicit `osm` without shops, or no sites at all, is an error naming `candidates`.
    public func select(shops: [CandidateSite], channels: Set<String>, layout: PopulationLayout) throws(InputError)
        -> (sites: [CandidateSite], source: String, note: String?) {
        let open = shops.filter { !channels.contains($0.id) }
        let chosen: (sites: [CandidateSite], source: String, note: String?)
        switch self {
        case .osm:
            guard !open.isEmpty else {
                throw InputError("no OSM shops that are not channels yet (the channel mapping made every shop a channel); use candidates grid or a file",
                                 field: "candidates")
            }
            chosen = (open, "osm", nil)
        case .automatic where !open.isEmpty: chosen = (open, "osm", nil)
        case .automatic: chosen = (CandidateGrid.sites(over: layout), "grid", "no OSM shops that are not channels yet: grid points every 250 m instead")
        case .grid: chosen = (CandidateGrid.sites(over: layout), "grid", nil)
        case .given(let sites): chosen = (sites, "file", nil)
        }
        guard !chosen.sites.isEmpty else { throw InputError("no candidate sites (\(chosen.source)): none falls inside a population area", field: "candidates") }
        return chosen
    }
}
