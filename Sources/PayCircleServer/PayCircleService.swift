import Hummingbird
import Logging
import PayCircleCore
import PayCircleNetwork
import PayCirclePlanning
import PayCircleStore
import Prometheus

/// The HTTP face of PayCircle.
///
/// ```swift
/// let app = PayCircleService(registry: registry, graph: graph).application(host: "127.0.0.1", port: 8080)
/// try await app.runService()
/// ```
public struct PayCircleService: Sendable {
    public let registry: PointRegistry
    /// The walking network; nil when none was imported (walking answers are then 400 `no_network`).
    public let graph: WalkingGraph?
    /// Where people live, for the planning routes; nil when no population was imported (they answer 400
    /// `no_population`).
    public let layout: PopulationLayout?
    /// OSM shops that could become channels, for `/v1/suggest`.
    public let candidates: [CandidateSite]
    /// Leaflet for the map pages; nil when the machine has none (the pages then say so).
    public let leaflet: LeafletFiles?
    /// Request counts and latencies, exposed at `/metrics`.
    public let metrics = PrometheusCollectorRegistry()
    /// The halls' newest queue reports.
    public let queues: QueueBoard
    /// How waits are estimated from them.
    public var waits: WaitModel

    public init(registry: PointRegistry, graph: WalkingGraph? = nil, layout: PopulationLayout? = nil, candidates: [CandidateSite] = [],
                leaflet: LeafletFiles? = LeafletFiles(), queues: QueueBoard? = nil, waits: WaitModel = WaitModel()) {
        self.registry = registry
        self.queues = queues ?? QueueBoard(store: registry.store)
        self.waits = waits
        self.graph = graph.flatMap { $0.isEmpty ? nil : $0 }
        self.layout = layout
        self.candidates = candidates
        self.leaflet = leaflet
    }

    /// A service over everything `registry`'s store holds: network, population and candidate sites.
    public static func loading(_ registry: PointRegistry) throws -> PayCircleService {
        let graph = WalkingGraph(try registry.store.loadNetwork())
        let usable = graph.isEmpty ? nil : graph
        return PayCircleService(registry: registry, graph: usable, layout: try PopulationLayout.load(from: registry.store, graph: usable),
                                candidates: try registry.store.loadCandidates(), queues: try QueueBoard.loading(registry.store))
    }

    /// Every route of the API.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware(registry: metrics))
        router.get("/metrics") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.emitToString())))
        }
        HealthRoutes(registry: registry).add(to: router)
        PointRoutes(registry: registry, graph: graph, queues: queues, waits: waits).add(to: router)
        QueueRoutes(registry: registry, queues: queues, waits: waits).add(to: router)
        TicketRoutes(registry: registry, graph: graph, queues: queues, waits: waits).add(to: router)
        PointWriteRoutes(registry: registry).add(to: router)
        RouteRoutes(registry: registry, graph: graph).add(to: router)
        IsochroneRoutes(graph: graph).add(to: router)
        PlanningRoutes(registry: registry, graph: graph, layout: layout, candidates: candidates).add(to: router)
        StreetRoutes(registry: registry, graph: graph).add(to: router)
        PageRoutes(registry: registry, leaflet: leaflet).add(to: router)
        FeatureRoutes(registry: registry, areas: layout?.areas ?? []).add(to: router)
        return router
    }

    public func application(host: String, port: Int, logger: Logger = Logger(label: "paycircle")) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "PayCircle"), logger: logger)
    }
}
