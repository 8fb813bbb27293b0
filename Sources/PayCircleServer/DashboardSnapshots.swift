import Foundation
import PayCircleEngine

/// The dashboard as last built, shared by every stream and reader of one instance: it is built again when
/// older than ``maxAge``, so a room of screens costs one build a second, not one each.
actor DashboardSnapshots {
    let engine: PayCircleEngine
    let thresholds: Dashboard.Thresholds
    static let maxAge: Duration = .milliseconds(250)
    private var latest: (dashboard: Dashboard, builtAt: ContinuousClock.Instant)?

    init(engine: PayCircleEngine, thresholds: Dashboard.Thresholds) {
        self.engine = engine
        self.thresholds = thresholds
    }

    func current() async throws -> Dashboard {
        let now = ContinuousClock.now
        if let latest, now - latest.builtAt < Self.maxAge { return latest.dashboard }
        let dashboard = try await engine.dashboard(thresholds: thresholds)
        latest = (dashboard, now)
        return dashboard
    }
}
