import Foundation
import Hummingbird
import NIOCore
import PayCircleCore
import PayCircleStore

/// OGC API - Features, Part 1 (Core), under `/ogc`: the landing page, `/conformance`, `/collections`,
/// `/collections/{points|areas}`, `/collections/{id}/items?bbox&limit&offset` (GeoJSON pages with
/// `next`/`prev` links) and `/collections/{id}/items/{featureId}`. GIS tools (QGIS, GDAL's OAPIF driver)
/// read the collections as layers.
struct FeatureRoutes<Context: GuardedRequestContext>: Sendable {
    static var defaultLimit: Int { 100 }
    static var maxLimit: Int { 10_000 }

    let registry: PointRegistry
    /// The population areas served as the `areas` collection.
    let areas: [PopulationArea]
    /// `serve --public-url`, for links; nil to use the address the connection was accepted on.
    let publicURL: String?

    func add(to router: some RouterMethods<Context>) {
        router.get("/ogc") { _, context in document(context, .landing) }
        router.get("/ogc/conformance") { _, context in document(context, .conformance) }
        router.get("/ogc/collections") { _, context in document(context, .collections(collections())) }
        router.get("/ogc/collections/:collection") { request, context in
            document(context, .collection(try collection(context)))
        }
        router.get("/ogc/collections/:collection/items") { request, context in try items(request, context, collection(context)) }
        router.get("/ogc/collections/:collection/items/:feature") { request, context in
            let collection = try collection(context)
            let raw = try context.parameters.require("feature")
            let id = raw.removingPercentEncoding ?? raw
            guard let feature = collection.features.first(where: { $0.id == id }) else {
                throw APIError.notFound("no feature '\(id)' in collection '\(collection.id)'")
            }
            return document(context, .item(collection, feature), type: "application/geo+json")
        }
    }

    private func collections() -> [OGCCollection] {
        // The points collection is built from the registry's id-ordered points once per data version.
        [registry.derived("ogc.points", OGCCollection.points), .areas(areas)]
    }

    private func collection(_ context: Context) throws -> OGCCollection {
        let id = try context.parameters.require("collection")
        switch id {
        case "points": return registry.derived("ogc.points", OGCCollection.points)
        case "areas": return .areas(areas)
        default: throw APIError.notFound("no collection '\(id)' (there are: points, areas)")
        }
    }

    private func items(_ request: Request, _ context: Context, _ collection: OGCCollection) throws -> Response {
        let parameters = request.queryParameters
        let box: BoundingBox?, limit: Int, offset: Int
        do {
            box = parameters.string("bbox") == nil ? nil : try PointRoutes<Context>.boundingBox(parameters)
            limit = min(try parameters.integer("limit", default: Self.defaultLimit, in: 1...Int(Int32.max)), Self.maxLimit)
            offset = try parameters.integer("offset", default: 0, in: 0...Int(Int32.max))
        } catch {
            throw APIError.badRequest(error)
        }
        let matched: [OGCCollection.Feature]
        if let box, collection.id == "points" {
            // The index's box query: the points inside, in id order as in the collection.
            matched = OGCCollection.points(registry.index.points(in: box)).features
        } else if let box {
            matched = collection.features.filter { feature in
                feature.box.0 <= box.maxLongitude && feature.box.2 >= box.minLongitude && feature.box.1 <= box.maxLatitude && feature.box.3 >= box.minLatitude
            }
        } else {
            matched = collection.features
        }
        let filters = parameters.string("bbox").map { "bbox=" + ($0.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? $0) } ?? ""
        return document(context, .items(collection, matched: matched, offset: offset, limit: limit, query: filters), type: "application/geo+json")
    }

    private func document(_ context: Context, _ kind: OGCDocument.Kind, type: String = "application/json") -> Response {
        JSONResponse.make(OGCDocument(base: Self.base(publicURL: publicURL, local: context.localAddress) + "/ogc", kind: kind), contentType: type)
    }

    /// Where links point: the configured public address, else the address the connection was accepted
    /// on; never the request's `Host`, which a client can set to anything.
    static func base(publicURL: String?, local: SocketAddress?) -> String {
        if let publicURL { return publicURL }
        guard let local, let ip = local.ipAddress, let port = local.port else { return "http://localhost" }
        return "http://" + (ip.contains(":") ? "[\(ip)]" : ip) + ":\(port)"
    }
}
