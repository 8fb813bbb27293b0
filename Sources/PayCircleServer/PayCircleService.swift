import Hummingbird
import Logging
import PayCircleNetwork
import PayCircleStore

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

    public init(registry: PointRegistry, graph: WalkingGraph? = nil) {
        self.registry = registry
        self.graph = graph.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every route of the API.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        HealthRoutes(registry: registry).add(to: router)
        PointRoutes(registry: registry, graph: graph).add(to: router)
        RouteRoutes(registry: registry, graph: graph).add(to: router)
        IsochroneRoutes(graph: graph).add(to: router)
        return router
    }

    public func application(host: String, port: Int, logger: Logger = Logger(label: "paycircle")) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "PayCircle"), logger: logger)
    }
}
