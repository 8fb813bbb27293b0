import ArgumentParser
import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCircleStore

struct RouteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "The quickest walk from a place to a place or to a payment point, with steps."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Start as LAT,LON (in --crs).") var from: String
    @Option(help: "Destination as LAT,LON (in --crs).") var to: String?
    @Option(name: .customLong("to-point"), help: "Destination payment point id.") var toPoint: String?
    @Option(help: "Coordinate system of --from and --to: wgs84, gcj02, bd09.") var crs: String = "wgs84"
    @Option(help: "Output format: table, json or geojson.") var format: OutputFormat = .table

    func run() async throws {
        var values = ["from": from, "crs": crs]
        values["to"] = to
        let parameters = QueryParameters(values)
        let system = try parameters.enumeration("crs", default: CoordinateSystem.wgs84)
        let start = system.toWGS84(try parameters.latLon("from"))
        let engine = try await store.openEngine(loading: [.network])
        let destination: Coordinate
        switch (to, toPoint) {
        case (nil, let id?):
            guard let point = engine.registry.point(id: id) else { throw ValidationError("--to-point: no payment point with id '\(id)'") }
            destination = point.location
        case (_?, nil):
            destination = system.toWGS84(try parameters.latLon("to"))
        default:
            throw ValidationError("give exactly one of --to and --to-point")
        }
        guard let graph = engine.graph else {
            throw ValidationError("routes need a walking network; import one with 'paycircle import osm'")
        }
        let route = try graph.route(from: start, to: destination)
        switch format {
        case .json: printJSON(RouteResponse(route: route, toPoint: toPoint))
        case .geojson: printJSON(LineString(coordinates: route.geometry))
        case .table:
            print(String(format: "%.0f m, %.1f min on foot", route.distance, route.duration / 60))
            let rows = route.steps.enumerated().map { offset, step in
                [String(offset + 1), step.instruction, String(format: "%.0f", step.distance), String(format: "%.0f", step.duration)]
            }
            print(TextTable(header: ["#", "step", "distance_m", "duration_s"], rows: rows).rendered)
        }
    }
}
