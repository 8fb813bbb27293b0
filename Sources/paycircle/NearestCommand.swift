import ArgumentParser
import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCircleStore

struct NearestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nearest",
        abstract: "The nearest payment channels to a place, by geodesic distance or by walking time."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Latitude, in --crs.") var lat: String
    @Option(help: "Longitude, in --crs.") var lon: String
    @Option(help: "How many results (1-100).") var k: String = "5"
    @Option(help: "Only these kinds, comma-separated: hall, kiosk, bank_booth, bank_branch, agency.") var kind: String?
    @Option(help: "Only channels offering all these services: cash, card, qr, invoice, business.") var service: String?
    @Option(help: "Only these statuses: online, offline, fault, closed.") var status: String?
    @Option(help: "Only channels open at this ISO 8601 time.") var at: String?
    @Option(help: "Ranking: distance, or walk (needs an imported network).") var by: String = "distance"
    @Option(help: "Coordinate system of input and output: wgs84, gcj02, bd09.") var crs: String = "wgs84"
    @Option(help: "Maximum distance in metres.") var radius: String?
    @Option(help: "Output format: table, json or geojson.") var format: OutputFormat = .table

    func run() throws {
        var values = ["lat": lat, "lon": lon, "k": k, "by": by, "crs": crs]
        values["kind"] = kind
        values["service"] = service
        values["status"] = status
        values["at"] = at
        values["radius"] = radius
        let request = try NearestRequest(QueryParameters(values))
        let registry = try store.openRegistry()
        let matches: [NearestMatch]
        switch request.ranking {
        case .distance:
            matches = registry.nearest(request.query)
        case .walk:
            guard let graph = try store.openGraph(registry) else {
                throw ValidationError("--by walk needs a walking network; import one with 'paycircle import osm'")
            }
            matches = try graph.nearestByWalking(request.query, in: registry.index)
        }
        switch format {
        case .json: printJSON(NearestResponse(request: request, matches: matches))
        case .geojson: printJSON(PointFeatureCollection(matches: matches))
        case .table:
            let rows = matches.enumerated().map { offset, match in
                [String(offset + 1), match.point.id, match.point.name, match.point.kind.rawValue,
                 String(format: "%.1f", match.distance),
                 match.walkDistance.map { String(format: "%.0f", $0) } ?? (match.isReachable == false ? "unreachable" : "-"),
                 match.walkSeconds.map { String(format: "%.1f", $0 / 60) } ?? "-",
                 match.isOpen.map { $0 ? "yes" : "no" } ?? "unknown"]
            }
            print(TextTable(header: ["#", "id", "name", "kind", "distance_m", "walk_m", "walk_min", "open"], rows: rows).rendered)
        }
    }
}
