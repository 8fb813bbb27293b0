import PayCircleCore
import PayCircleNetwork
import PayCircleStore

extension PopulationLayout {
    /// The layout of the stored population: the imported areas (with the stored residential buildings
    /// where they have some), else hexagons of people estimated from those buildings; nil when the store
    /// has neither.
    public static func load(from store: any LayerRepository, graph: WalkingGraph?, estimate: PopulationEstimate = .standard) async throws -> PopulationLayout? {
        let areas = try await store.loadAreas(), buildings = try await store.loadBuildings()
        if !areas.isEmpty {
            return PopulationLayout(areas: areas, graph: graph, buildings: buildings, source: "imported areas", estimate: estimate)
        }
        guard !buildings.isEmpty else { return nil }
        let source = String(format: "%.0f m hexagons, people estimated from %d residential buildings (floor area / %.0f m² a person)",
                            PopulationGrid.defaultWidth, buildings.count, estimate.floorAreaPerPerson)
        return PopulationLayout(areas: PopulationGrid.hexagons(from: buildings, estimate: estimate), graph: graph, buildings: buildings,
                                source: source, estimate: estimate)
    }
}
