import ArgumentParser
import PayCirclePlanning

extension StoreOptions {
    /// The planner over the stored channels, network, areas and buildings.
    func openPlanner() async throws -> CoveragePlanner {
        let registry = try await openRegistry()
        let graph = try await openGraph(registry)
        guard let layout = try await PopulationLayout.load(from: registry.store, graph: graph) else {
            throw ValidationError("no population: import areas with 'paycircle import areas FILE.geojson', or an OSM file with residential buildings")
        }
        return CoveragePlanner(channels: registry.index.allPoints, layout: layout, graph: graph)
    }
}
