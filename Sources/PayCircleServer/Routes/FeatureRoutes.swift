import Foundation
import Hummingbird
import PayCircleCore
import PayCircleStore

/// OGC API - Features, Part 1 (Core), under `/ogc`: the landing page, `/conformance`, `/collections`,
/// `/collections/{points|areas}`, `/collections/{id}/items?bbox&limit&offset` (GeoJSON pages with
/// `next`/`prev` links) and `/collections/{id}/items/{featureId}`. GIS tools (QGIS, GDAL's OAPIF driver)
/// read the collections as layers.
struct FeatureRoutes<Context: RequestContext>: Sendable {
    static var defaultLimit: Int { 100 }
    static var maxLimit: Int { 10_000 }

    let registry: PointRegistry
    /// The population areas served as the `areas` collection.
    let areas: [PopulationArea]

    func add(to router: Router<Context>) {
        router.get("/ogc") { request, _ in document(request, .landing) }
        router.get("/ogc/conformance") { request, _ in document(request, .conformance) }
        router.get("/ogc/collections") { request, _ in document(request, .collections(collections())) }
        router.get("/ogc/collections/:collection") { request, context in
            document(request, .collection(try collection(context)))
        }
        router.get("/ogc/collections/:collection/items") { request, context in try items(request, collection(context)) }
        router.get("/ogc/collections/:collection/items/:feature") { request, context in
            let collection = try collection(context)
            let raw = try context.parameters.require("feature")
            let id = raw.removingPercentEncoding ?? raw
            guard let feature = collection.features.first(where: { $0.id == id }) else {
                throw APIError.notFound("no feature '\(id)' in collection '\(collection.id)'")
            }
            return document(request, .item(collection, feature), type: "application/geo+json")
        }
    }

    private func collections() -> [OGCCollection] {
        [.points(registry.index.allPoints), .areas(areas)]
    }

    private func collection(_ context: Context) throws -> OGCCollection {
        let id = try context.parameters.require("collection")
        switch id {
        case "points": return .points(registry.index.allPoints)
        case "areas": return .areas(areas)
        default: throw APIError.notFound("no collection '\(id)' (there are: points, areas)")
        }
    }

    private func items(_ request: Request, _ collection: OGCCollection) throws -> Response {
        let parameters = request.queryParameters
        let box: BoundingBox?, limit: Int, offset: Int
        do {
            box = parameters.string("bbox") == nil ? nil : try PointRoutes<Context>.boundingBox(parameters)
            limit = min(try parameters.integer("limit", default: Self.defaultLimit, in: 1...Int(Int32.max)), Self.maxLimit)
            offset = try parameters.integer("offset", default: 0, in: 0...Int(Int32.max))
        } catch {
            throw APIError.badRequest(error)
        }
        let matched = collection.features.filter { feature in
            guard let box else { return true }
            return feature.box.0 <= box.maxLongitude && feature.box.2 >= box.minLongitude && feature.box.1 <= box.maxLatitude && feature.box.3 >= box.minLatitude
        }
        let filters = parameters.string("bbox").map { "bbox=" + ($0.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? $0) } ?? ""
        return document(request, .items(collection, matched: matched, offset: offset, limit: limit, query: filters), type: "application/geo+json")
    }

    private func document(_ request: Request, _ kind: OGCDocument.Kind, type: String = "application/json") -> Response {
        JSONResponse.make(OGCDocument(base: "http://\(request.head.authority ?? "localhost")/ogc", kind: kind), contentType: type)
    }
}
