import Hummingbird
import PayCircleCore
import PayCircleNetwork

/// `GET /v1/isochrone?lat&lon&minutes[&crs][&format=geojson]`: the area reachable on foot.
struct IsochroneRoutes<Context: GuardedRequestContext>: Sendable {
    static var minutesRange: ClosedRange<Int> { 1...60 }
    /// Isochrones longer than this are heavy work (capped, with a deadline, limited as planning is).
    static var lightMinutes: Int { 20 }

    /// Heavy above ``lightMinutes``, light otherwise (a malformed `minutes` is refused cheaply as light).
    @Sendable static func routeClass(_ request: Request) -> RouteClass {
        guard let minutes = request.queryParameters.string("minutes").flatMap({ Int($0) }), minutes > lightMinutes else { return .light }
        return .heavy
    }
    let graph: WalkingGraph?

    func add(to router: some RouterMethods<Context>) {
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
