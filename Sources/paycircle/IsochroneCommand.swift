import ArgumentParser
import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCircleStore

struct IsochroneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isochrone",
        abstract: "The area reachable on foot within some minutes of a place, as a GeoJSON polygon."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Latitude, in --crs.") var lat: String
    @Option(help: "Longitude, in --crs.") var lon: String
    @Option(help: "Walking minutes (1-60).") var minutes: String = "10"
    @Option(help: "Coordinate system of --lat/--lon: wgs84, gcj02, bd09.") var crs: String = "wgs84"
    @Option(help: "Output format: json or geojson.") var format: OutputFormat = .json

    func run() async throws {
        let parameters = QueryParameters(["lat": lat, "lon": lon, "minutes": minutes, "crs": crs])
        let system = try parameters.enumeration("crs", default: CoordinateSystem.wgs84)
        let place = system.toWGS84(try parameters.latitudeLongitude())
        let minutes = try parameters.integer("minutes", default: 10, in: 1...60)
        guard let graph = try await store.openEngine(loading: [.network]).graph else {
            throw ValidationError("isochrones need a walking network; import one with 'paycircle import osm'")
        }
        let isochrone = try graph.isochrone(from: place, seconds: Double(minutes) * 60)
        printJSON(IsochroneResponse(isochrone, asFeature: format == .geojson))
    }
}
