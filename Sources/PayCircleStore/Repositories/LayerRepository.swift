import PayCircleCore

/// The planning layers: the walking network, residential buildings and candidate sites of an OSM import
/// (written with the points, see ``PointRepository/write(_:layers:)``) and the census areas.
public protocol LayerRepository: Sendable {
    /// The stored walking network (empty when none was imported).
    func loadNetwork() async throws -> WalkingNetworkData
    /// The stored residential buildings, in id order.
    func loadBuildings() async throws -> [ResidentialBuilding]
    /// The stored candidate sites, in id order.
    func loadCandidates() async throws -> [CandidateSite]
    /// Replaces every stored population area, in one transaction.
    func replaceAreas(_ areas: [PopulationArea]) async throws
    /// The stored population areas, in id order.
    func loadAreas() async throws -> [PopulationArea]
}
