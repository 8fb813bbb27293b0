import Hummingbird
import PayCircleCore
import PayCircleNetwork
import PayCircleStore

/// `GET /v1/route?from=LAT,LON&to=LAT,LON|to_point=ID[&crs=…]`: a walking route with steps.
struct RouteRoutes<Context: GuardedRequestContext>: Sendable {
    let registry: PointRegistry
    let graph: WalkingGraph?

    func add(to router: some RouterMethods<Context>) {
        router.get("/v1/route") { request, _ in try route(request) }
    }

    func route(_ request: Request) throws -> Response {
        let parameters = request.queryParameters
        let from: Coordinate, to: Coordinate, toPoint: String?
        do {
            let crs = try parameters.enumeration("crs", default: CoordinateSystem.wgs84)
            from = crs.toWGS84(try parameters.latLon("from"))
            toPoint = parameters.string("to_point")
            if let toPoint {
                guard parameters.string("to") == nil else { throw InputError("give either to or to_point, not both", field: "to") }
                guard let point = registry.point(id: toPoint) else { throw APIError.notFound("no payment point with id '\(toPoint)'") }
                to = point.location
            } else {
                to = crs.toWGS84(try parameters.latLon("to"))
            }
        } catch let error as InputError {
            throw APIError.badRequest(error)
        }
        guard let graph else {
            throw APIError(status: .badRequest, code: "no_network", message: "routes need a walking network, and none is loaded", field: nil)
        }
        do {
            return JSONResponse.make(RouteResponse(route: try graph.route(from: from, to: to), toPoint: toPoint))
        } catch {
            throw APIError.network(error)
        }
    }
}
