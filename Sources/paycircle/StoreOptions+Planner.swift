import ArgumentParser
import PayCircleEngine
import PayCirclePlanning

extension StoreOptions {
    /// The planner over the stored channels, network, areas and buildings.
    func openPlanner() async throws -> CoveragePlanner {
        try await planner(of: openEngine(loading: [.planning]))
    }

    /// The planner over the engine's channels, network and population.
    func planner(of engine: PayCircleEngine) throws -> CoveragePlanner {
        guard let layout = engine.layout else {
            throw ValidationError("no population: import areas with 'paycircle import areas FILE.geojson', or an OSM file with residential buildings")
        }
        return CoveragePlanner(channels: engine.registry.index.allPoints, layout: layout, graph: engine.graph)
    }
}
