import Hummingbird
import PayCircleCore
import PayCircleNetwork

/// `GET /v1/isochrone?lat&lon&minutes[&crs][&format=geojson]`: the area reachable on foot.
struct IsochroneRoutes<Context: RequestContext>: Sendable {
    static var minutesRange: ClosedRange<Int> { 1...60 }
    let graph: WalkingGraph?

    func add(to router: Router<Context>) {
        router.get("/v1/isochrone") { request, _ in try isochrone(request) }
    }

    func isochrone(_ request: Request) throws -> Response {
        let parameters = request.queryParameters
        let place: Coordinate, minutes: Int, asFeature: Bool
        do {
            let crs = try parameters.enumeration("crs", default: CoordinateSystem.wgs84)
            place = crs.toWGS84(try parameters.latitudeLongitude())
            minutes = try parameters.integer("minutes", default: 10, in: Self.minutesRange)
            let format = parameters.string("format") ?? "json"
            guard format == "json" || format == "geojson" else { throw InputError("expected json or geojson", field: "format") }
            asFeature = format == "geojson"
        } catch let error as InputError {
            throw APIError.badRequest(error)
        }
        guard let graph else {
            throw APIError(status: .badRequest, code: "no_network", message: "isochrones need a walking network, and none is loaded")
        }
        let result: Isochrone
        do {
            result = try graph.isochrone(from: place, seconds: Double(minutes) * 60)
        } catch {
            throw APIError.network(error)
        }
        return asFeature ? JSONResponse.geoJSON(IsochroneResponse(result, asFeature: true)) : JSONResponse.make(IsochroneResponse(result))
    }
}
