import Hummingbird
import Logging
import PayCircleStore

/// The HTTP face of PayCircle.
///
/// ```swift
/// let app = PayCircleService(registry: registry).application(host: "127.0.0.1", port: 8080)
/// try await app.runService()
/// ```
public struct PayCircleService: Sendable {
    public let registry: PointRegistry

    public init(registry: PointRegistry) { self.registry = registry }

    /// Every route of the API.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        HealthRoutes(registry: registry).add(to: router)
        PointRoutes(registry: registry).add(to: router)
        return router
    }

    public func application(host: String, port: Int, logger: Logger = Logger(label: "paycircle")) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "PayCircle"), logger: logger)
    }
}
