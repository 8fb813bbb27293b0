import PayCircleNetwork
import PayCirclePlanning
import PayCircleStore
import Synchronization

/// The ``PlanningAnswers`` of the newest data version the planning routes have seen: replaced, with all
/// its kept answers, once a write changed the points.
final class CurrentPlanningAnswers: Sendable {
    private let current = Mutex<PlanningAnswers?>(nil)

    /// The answers for the registry's data now, built (planner and all) when the data changed.
    func answers(registry: PointRegistry, layout: PopulationLayout, graph: WalkingGraph?) -> PlanningAnswers {
        let (index, version) = registry.snapshot
        if let kept = current.withLock({ $0 }), kept.version == version { return kept }
        let fresh = PlanningAnswers(version: version, planner: CoveragePlanner(channels: index.allPoints, layout: layout, graph: graph))
        current.withLock { kept in
            if kept.map({ $0.version < version }) ?? true { kept = fresh }
        }
        return fresh
    }
}
