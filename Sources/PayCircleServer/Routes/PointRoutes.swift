import Foundation
import Hummingbird
import PayCircleCore
import PayCircleEngine
import PayCircleNetwork
import PayCircleStore

/// Read routes over the payment points: nearest search, one point, points in a box.
struct PointRoutes<Context: GuardedRequestContext>: Sendable {
    let engine: PayCircleEngine
    var registry: PointRegistry { engine.registry }
    /// The most points `GET /v1/points` returns at once.
    static var maxListedPoints: Int { 5_000 }

    func add(to router: some RouterMethods<Context>) {
        router.get("/v1/nearest") { request, _ in try nearest(request) }
        router.get("/v1/points/:id") { _, context in try point(try PathParameters.id(context)) }
        router.get("/v1/points") { request, _ in try points(request) }
    }

    func nearest(_ request: Request) throws -> Response {
        let nearest: NearestRequest
        do { nearest = try NearestRequest(request.queryParameters, now: engine.clock.now) } catch { throw APIError.badRequest(error) }
        // The matches and the records' table come from one snapshot.
        let index = registry.index
        let matches = try engine.nearest(nearest, in: index)
        // Written from the parts in place: a response value gathering them would be copied (counting
        // references on the table and on the tree's points, which every request shares).
        return index.withFieldTable(crs: nearest.crs) { fields in
            JSONResponse.make { NearestResponse.write(request: nearest, matches: matches, fields: fields, to: &$0) }
        }
    }

    func point(_ id: String) throws -> Response {
        guard let point = registry.point(id: id) else { throw APIError.notFound("no payment point with id '\(id)'") }
        return JSONResponse.make(PointJSON(point))
    }

    func points(_ request: Request) throws -> Response {
        let parameters = request.queryParameters
        let box: BoundingBox
        let kinds: [PointKind]?
        let limit: Int
        do {
            box = try Self.boundingBox(parameters)
            kinds = try parameters.list("kind", of: PointKind.self)
            limit = try parameters.integer("limit", default: 1_000, in: 1...Self.maxListedPoints)
        } catch {
            throw APIError.badRequest(error)
        }
        let found = registry.index.points(in: box, kinds: kinds.map(Set.init), limit: limit)
        return JSONResponse.geoJSON(PointFeatureCollection(points: found))
    }

    /// `bbox=minLon,minLat,maxLon,maxLat` (WGS-84), as in OGC APIs.
    static func boundingBox(_ parameters: QueryParameters) throws(InputError) -> BoundingBox {
        guard let text = parameters.string("bbox") else { throw InputError("is required (minLon,minLat,maxLon,maxLat)", field: "bbox") }
        let numbers = text.split(separator: ",").map { Double($0.trimmedSpaces) }
        guard numbers.count == 4, let minLon = numbers[0], let minLat = numbers[1], let maxLon = numbers[2], let maxLat = numbers[3],
              [minLon, minLat, maxLon, maxLat].allSatisfy(\.isFinite) else {
            throw InputError("expected four numbers minLon,minLat,maxLon,maxLat", field: "bbox")
        }
        guard abs(minLon) <= 180, abs(maxLon) <= 180, abs(minLat) <= 90, abs(maxLat) <= 90 else {
            throw InputError("coordinates outside ±180 longitude or ±90 latitude", field: "bbox")
        }
        guard minLon <= maxLon, minLat <= maxLat else { throw InputError("minimum greater than maximum", field: "bbox") }
        return BoundingBox(minLongitude: minLon, minLatitude: minLat, maxLongitude: maxLon, maxLatitude: maxLat)
    }
}
