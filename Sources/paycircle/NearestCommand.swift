import ArgumentParser
import Foundation
import PayCircleCore
import PayCircleEngine
import PayCircleNetwork
import PayCircleStore

struct NearestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nearest",
        abstract: "The nearest payment channels to a place, by geodesic distance, by walking time, or by time to pay (walk + queue)."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Latitude, in --crs.") var lat: String
    @Option(help: "Longitude, in --crs.") var lon: String
    @Option(help: "How many results (1-100).") var k: String = "5"
    @Option(help: "Only these kinds, comma-separated: hall, kiosk, bank_booth, bank_branch, agency.") var kind: String?
    @Option(help: "Only channels offering all these services: cash, card, qr, invoice, business.") var service: String?
    @Option(help: "Only these statuses: online, offline, fault, closed.") var status: String?
    @Option(help: "Only channels open at this ISO 8601 time.") var at: String?
    @Option(help: "Ranking: distance; walk (needs an imported network); time: walk plus the expected wait on arrival, from the halls' newest queue reports.") var by: String = "distance"
    @Option(help: "Coordinate system of input and output: wgs84, gcj02, bd09.") var crs: String = "wgs84"
    @Option(help: "Maximum distance in metres.") var radius: String?
    @Option(help: "Output format: table, json or geojson.") var format: OutputFormat = .table
    @OptionGroup(title: "Waits (--by time)") var waiting: WaitOptions

    func run() async throws {
        var values = ["lat": lat, "lon": lon, "k": k, "by": by, "crs": crs]
        values["kind"] = kind
        values["service"] = service
        values["status"] = status
        values["at"] = at
        values["radius"] = radius
        let request = try NearestRequest(QueryParameters(values))
        let parts: PayCircleEngine.Parts = switch request.ranking {
        case .distance: []
        case .walk: [.network]
        case .time: [.network, .queues]
        }
        let engine = try await store.openEngine(loading: parts, waits: waiting.model)
        if request.ranking != .distance, engine.graph == nil {
            throw ValidationError("--by \(request.ranking.rawValue) needs a walking network; import one with 'paycircle import osm'")
        }
        let matches = try engine.nearest(request)
        switch format {
        case .json: printJSON(NearestResponse(request: request, matches: matches))
        case .geojson: printJSON(PointFeatureCollection(matches: Array(matches)))
        case .table:
            let rows = matches.enumerated().map { offset, match in
                [String(offset + 1), match.point.id, match.point.name, match.point.kind.rawValue,
                 String(format: "%.1f", match.distance),
                 match.walkDistance.map { String(format: "%.0f", $0) } ?? (match.isReachable == false ? "unreachable" : "-"),
                 match.walkSeconds.map { String(format: "%.1f", $0 / 60) } ?? "-",
                 match.isOpen.map { $0 ? "yes" : "no" } ?? "unknown"]
                    + (request.ranking == .time ? Self.waitColumns(match) : [])
            }
            let header = ["#", "id", "name", "kind", "distance_m", "walk_m", "walk_min", "open"]
                + (request.ranking == .time ? ["wait_min", "wait", "total_min"] : [])
            print(TextTable(header: header, rows: rows).rendered)
        }
    }

    /// Expected wait (with its 80% band), where it comes from, and walk + wait, in minutes.
    static func waitColumns(_ match: NearestMatch) -> [String] {
        guard let wait = match.wait else { return ["-", "-", "-"] }
        guard wait.seconds.isFinite else { return ["-", "no counter open", "-"] }
        let band = wait.low == wait.high ? "" : String(format: " (%.1f-%.1f)", wait.low / 60, wait.high / 60)
        return [String(format: "%.1f", wait.seconds / 60) + band, wait.source.rawValue + (wait.service.map { " " + $0.rawValue } ?? ""),
                match.totalSeconds.map { String(format: "%.1f", $0 / 60) } ?? "-"]
    }
}
