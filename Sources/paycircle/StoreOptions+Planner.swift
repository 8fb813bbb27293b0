import ArgumentParser
import PayCirclePlanning

extension StoreOptions {
    /// The planner over the stored channels, network, areas and buildings.
    func openPlanner() throws -> CoveragePlanner {
        let registry = try openRegistry()
        let graph = try openGraph(registry)
        guard let layout = try PopulationLayout.load(from: registry.store, graph: graph) else {
            throw ValidationError("no population: import areas with 'paycircle import areas FILE.geojson', or an OSM file with residential buildings")
        }
        return CoveragePlanner(channels: registry.index.allPoints, layout: layout, graph: graph)
    }
}
