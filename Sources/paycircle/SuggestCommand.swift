import ArgumentParser
import Foundation
import PayCircleCore
import PayCirclePlanning

struct SuggestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "New sites that would bring the most people within the walk, chosen one at a time.",
        discussion: """
            Candidates: 'auto' (the default: 'osm' when there are such shops, else 'grid', saying so), 'osm' (the \
            shops of the last OSM import that are not channels yet; see GeoData/channels-banks.json), 'grid' \
            (points every 250 m inside the areas), or a file in the \
            'import points' format (CSV or GeoJSON), so that chosen sites can be imported as they are. \
            Existing channels stay.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var planning: PlanningOptions
    @Option(help: "How many sites to list (1-100).") var sites = "5"
    @Option(name: .customLong("target-share"), help: "Go on until this share of people is covered (0-1) and say how many sites it took.") var targetShare: String?
    @Option(help: "Candidates: auto (OSM shops that are not channels yet, else grid), osm, grid, or a points file.") var candidates = "auto"
    @Option(help: "Coordinate system of a candidates file: wgs84, gcj02 or bd09.") var crs: CoordinateSystem = .wgs84
    @Option(help: "Output format: table, json or geojson.") var format: OutputFormat = .table

    func run() async throws {
        let request = try planning.request(["sites": sites, "target_share": targetShare])
        let engine = try await store.openEngine(loading: [.planning])
        let planner = try store.planner(of: engine)
        let choice: CandidateChoice
        switch candidates {
        case "auto", "osm", "grid": choice = try CandidateChoice(named: candidates)
        default:
            choice = .given(try PointFileReader.read(contentsOf: URL(fileURLWithPath: candidates), crs: crs)
                .map { CandidateSite(id: $0.id, name: $0.name, location: $0.location) })
        }
        let chosen: (sites: [CandidateSite], source: String, note: String?)
        do { chosen = try choice.select(shops: engine.candidates, channels: Set(planner.channels.map(\.id)), layout: planner.layout) } catch {
            throw ValidationError("--candidates \(candidates): \(error.message)")
        }
        let report = try planner.suggest(candidates: chosen.sites, sites: request.sites, targetShare: request.targetShare, settings: request.settings)
        switch format {
        case .json, .geojson:
            printJSON(SuggestionResponse(report, asGeoJSON: format == .geojson, candidateSource: chosen.source, candidateNote: chosen.note))
        case .table:
            printSummary(report.before)
            print("\(report.candidatesConsidered) candidates (\(chosen.source)\(chosen.note.map { ": " + $0 } ?? "")).")
            if let target = report.targetShare {
                print(report.targetSites.map { "\($0.count) sites reach \(percent(target)): \($0.map(\.id).joined(separator: ", "))." }
                      ?? "These candidates cannot reach \(percent(target)).")
            }
            let rows = report.sites.map { site in
                [String(site.rank), site.candidate.id, site.candidate.name, String(format: "%.6f", site.candidate.location.latitude),
                 String(format: "%.6f", site.candidate.location.longitude), people(site.addedPopulation), percent(site.coveredShareAfter)]
            }
            print(TextTable(header: ["rank", "candidate", "name", "lat", "lon", "added", "share_after"], rows: rows).rendered)
        }
    }
}
