import Hummingbird
import PayCircleStore

/// `GET /healthz`: the service is up and how many points it serves.
struct HealthRoutes<Context: RequestContext>: Sendable {
    let registry: PointRegistry

    private struct Health: Encodable {
        let status = "ok"
        let points: Int
    }

    func add(to router: Router<Context>) {
        router.get("/healthz") { _, _ in try JSONResponse.make(Health(points: registry.index.count)) }
    }
}
