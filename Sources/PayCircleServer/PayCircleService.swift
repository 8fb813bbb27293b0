import Hummingbird
import HummingbirdCore
import NIOCore
import Logging
import PayCircleCore
import PayCircleEngine
import PayCircleNetwork
import PayCirclePlanning
import PayCircleStore
import Prometheus
import ServiceLifecycle

/// The HTTP face of PayCircle.
///
/// ```swift
/// let app = PayCircleService(registry: registry, graph: graph).application(host: "127.0.0.1", port: 8080)
/// try await app.runService()
/// ```
public struct PayCircleService: Sendable {
    /// The rules every route calls.
    public var engine: PayCircleEngine {
        didSet { dashboards = DashboardSnapshots(engine: engine, thresholds: alerts) }
    }
    /// Leaflet for the map pages; nil when the machine has none (the pages then say so).
    public let leaflet: LeafletFiles?
    /// Request counts and latencies, exposed at `/metrics`.
    public let metrics = PrometheusCollectorRegistry()

    public var registry: PointRegistry { engine.registry }
    /// The walking network; nil when none was imported (walking answers are then 400 `no_network`).
    public var graph: WalkingGraph? { engine.graph }
    /// Where people live, for the planning routes; nil when no population was imported (they answer 400
    /// `no_population`).
    public var layout: PopulationLayout? { engine.layout }
    /// The halls' newest queue reports.
    public var queues: QueueBoard { engine.queues }
    /// OSM shops that could become channels, for `/v1/suggest`.
    public var candidates: [CandidateSite] { engine.candidates }
    /// How waits are estimated from the queue reports.
    public var waits: WaitModel {
        get { engine.waits }
        set { engine = engine.with(waits: newValue) }
    }

    public init(engine: PayCircleEngine, leaflet: LeafletFiles? = LeafletFiles(), surface: PublicSurface = .standard) {
        self.engine = engine
        self.leaflet = leaflet
        self.surface = surface
        dashboards = DashboardSnapshots(engine: engine, thresholds: Dashboard.Thresholds())
    }

    /// A service over an engine made of these parts.
    public init(registry: PointRegistry, graph: WalkingGraph? = nil, layout: PopulationLayout? = nil, candidates: [CandidateSite] = [],
                leaflet: LeafletFiles? = LeafletFiles(), queues: QueueBoard? = nil, waits: WaitModel = WaitModel(),
                surface: PublicSurface = .standard) {
        self.init(engine: PayCircleEngine(registry: registry, graph: graph, layout: layout, candidates: candidates, queues: queues, waits: waits),
                  leaflet: leaflet, surface: surface)
    }

    /// A service over everything `registry`'s store holds: network, population and candidate sites.
    public static func loading(_ registry: PointRegistry) async throws -> PayCircleService {
        PayCircleService(engine: try await PayCircleEngine.open(registry))
    }

    /// How the service protects itself (rate limits, heavy-work cap and deadline, timeouts, headers).
    public var surface: PublicSurface
    /// When the dashboard raises alerts.
    public var alerts = Dashboard.Thresholds() {
        didSet { dashboards = DashboardSnapshots(engine: engine, thresholds: alerts) }
    }
    /// The dashboard as last built, shared by its page, stream, JSON and `/metrics`.
    private(set) var dashboards: DashboardSnapshots

    /// Every route of the API, each in the group of its ``RouteClass``: light reads, heavy planning
    /// (capped and with a deadline), ticket writes and token writes, each class with its own rate limits.
    public func router() -> Router<PayCircleRequestContext> {
        let router = Router(context: PayCircleRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware(registry: metrics))
        router.add(middleware: SecurityHeadersMiddleware(frameAncestors: surface.frameAncestors))
        router.add(middleware: EngineErrorMiddleware())
        router.add(middleware: ClientMiddleware(proxies: surface.trustedProxies, engine: engine, needsClient: surface.rateLimits != nil))
        let limiter = surface.rateLimits.map { RateLimiter(limits: $0) }
        let gate = WorkGate(slots: surface.heavySlots, queueLimit: surface.heavyQueue)
        let executor = HeavyWorkExecutor()
        /// A group limited as `classify` says; only groups that may hold heavy requests pass the work gate.
        func group(mayBeHeavy: Bool = false, _ classify: @escaping @Sendable (Request) -> RouteClass) -> RouterGroup<PayCircleRequestContext> {
            let group = router.group().add(middleware: RateLimitMiddleware(limiter: limiter, classify: classify))
            guard mayBeHeavy else { return group }
            return group.add(middleware: HeavyWorkMiddleware(gate: gate, executor: executor, timeLimit: surface.timeLimit, classify: classify))
        }
        let light = group { _ in .light }, heavy = group(mayBeHeavy: true) { _ in .heavy }
        let tickets = group { _ in .ticket }, writes = group { _ in .write }

        light.get("/metrics") { _, _ in
            if let dashboard = try? await dashboards.current() { DashboardGauges.set(from: dashboard, in: metrics) }
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.emitToString())))
        }
        HealthRoutes(registry: registry).add(to: light)
        PointRoutes(engine: engine).add(to: light)
        QueueRoutes(engine: engine).add(reads: light, writes: writes)
        TicketRoutes(engine: engine).add(reads: light, writes: tickets)
        AppointmentRoutes(engine: engine).add(reads: light, tickets: tickets, writes: writes)
        CallRoutes(engine: engine).add(to: writes)
        DeviceRoutes(engine: engine).add(reads: light, writes: writes)
        PointWriteRoutes(engine: engine).add(to: writes)
        RouteRoutes(registry: registry, graph: graph).add(to: light)
        IsochroneRoutes(graph: graph).add(to: group(mayBeHeavy: true, IsochroneRoutes<PayCircleRequestContext>.routeClass))
        PlanningRoutes(engine: engine).add(to: heavy)
        StreetRoutes(engine: engine).add(to: heavy)
        PageRoutes(registry: registry, leaflet: leaflet).add(to: light)
        DashboardRoutes(snapshots: dashboards).add(to: light)
        FeatureRoutes(registry: registry, areas: layout?.areas ?? [], publicURL: surface.publicURL).add(to: light)
        return router
    }

    /// The HTTP/1.1 application on `host:port`, with the connection limits of ``surface``, running the
    /// sweeps that end tickets (no-shows, expiry) and settle devices (heartbeat timeouts, power schedules), and `services` (such as a change feed) for as long as it runs.
    public func application(host: String, port: Int, logger: Logger = Logger(label: "paycircle") { ConsoleLogHandler(label: $0) }, services: [any Service] = []) -> some ApplicationProtocol {
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(maxHeaderFieldSize: surface.maxHeaderBytes, maxHeaderListSize: surface.maxHeaderBytes,
                                                                      maxHeaderFieldCount: 100)
        let http = HTTP1Channel.Configuration(idleTimeout: TimeAmount(surface.idleTimeout), httpDecoderConfiguration: decoder)
        return Application(router: router(), server: .http1(configuration: http),
                           configuration: .init(address: .hostname(host, port: port), serverName: "PayCircle"),
                           services: services + [PeriodicWork(interval: .seconds(15)) { _ = try await engine.sweepTickets() },
                                                     PeriodicWork(interval: .seconds(1)) { try await engine.sweepDevices() }], logger: logger)
    }
}
