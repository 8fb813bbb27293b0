import Hummingbird
import PayCircleCore
import PayCircleEngine
import PayCircleNetwork
import PayCirclePlanning
import PayCircleStore

/// `GET /v1/streets?bbox=minLon,minLat,maxLon,maxLat[&times=true&minutes&at&kind&unknown_hours]`: the walking
/// network's edges in a box as GeoJSON LineStrings with their name and class, for drawing maps without a
/// tile server; with `times=true` each also carries `walk_s`, the walk from its middle to the nearest
/// channel counted at `at` (null beyond reach). Each edge's `id` is what `/v1/coverage/what-if` names it by.
struct StreetRoutes<Context: GuardedRequestContext>: Sendable {
    /// The most edges one answer holds; a larger box is refused (zoom in).
    static var maxEdges: Int { 40_000 }

    let engine: PayCircleEngine
    var registry: PointRegistry { engine.registry }
    var graph: WalkingGraph? { engine.graph }

    func add(to router: some RouterMethods<Context>) {
        router.get("/v1/streets") { request, _ in try streets(request) }
    }

    private struct Streets: JSONWritable {
        let graph: WalkingGraph
        let edges: [Int32]
        let seconds: [Double]?

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.field("type", "FeatureCollection")
                json.field("attribution", "© OpenStreetMap contributors, ODbL")
                json.key("features")
                json.array { json in
                    for index in edges {
                        let edge = graph.edge(index)
                        json.object { json in
                            json.field("type", "Feature")
                            json.key("geometry")
                            json.object { json in
                                json.field("type", "LineString")
                                json.key("coordinates")
                                json.array { json in
                                    json.position(graph.coordinate(ofNode: edge.source))
                                    json.position(graph.coordinate(ofNode: edge.target))
                                }
                            }
                            json.key("properties")
                            json.object { json in
                                json.field("id", Int(index))
                                json.nullableField("name", edge.name)
                                json.field("highway", edge.highway)
                                if let seconds { json.nullableField("walk_s", seconds[Int(index)].isFinite ? seconds[Int(index)].rounded() : nil) }
                            }
                        }
                    }
                }
            }
        }
    }

    func streets(_ request: Request) throws -> Response {
        let parameters = request.queryParameters
        let box: BoundingBox, withTimes: Bool, planning: PlanningRequest
        do {
            box = try PointRoutes<Context>.boundingBox(parameters)
            let times = parameters.string("times") ?? "false"
            guard times == "true" || times == "false" else { throw InputError("expected true or false", field: "times") }
            withTimes = times == "true"
            planning = try PlanningRequest(parameters, now: engine.clock.now)
        } catch let error as InputError {
            throw APIError.badRequest(error)
        }
        guard let graph else {
            throw APIError(status: .badRequest, code: "no_network", message: "streets come from the walking network, and none is loaded")
        }
        let edges = graph.edges(in: box)
        guard edges.count <= Self.maxEdges else {
            throw APIError.badRequest(InputError("the box holds \(edges.count) street edges, more than \(Self.maxEdges): ask for a smaller one", field: "bbox"))
        }
        var seconds: [Double]?
        if withTimes {
            let planner = CoveragePlanner(channels: registry.index.allPoints, layout: PopulationLayout(areas: [], graph: graph), graph: graph)
            seconds = planner.streetSeconds(planning.settings)
        }
        return JSONResponse.geoJSON(Streets(graph: graph, edges: edges, seconds: seconds))
    }
}
