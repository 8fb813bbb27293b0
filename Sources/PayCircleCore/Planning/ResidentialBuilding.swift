/// A building people live in, from OpenStreetMap: where it stands and how much floor it has, from which
/// planning estimates how many live there (see ``PopulationEstimate``).
public struct ResidentialBuilding: Sendable, Hashable {
    /// `osm:w<id>`.
    public var id: String
    /// The footprint's centroid, WGS-84.
    public var location: Coordinate
    /// Footprint area in square metres.
    public var footprint: Double
    /// Storeys above ground: `building:levels` where tagged, else the default for its type.
    public var levels: Double

    public init(id: String, location: Coordinate, footprint: Double, levels: Double) {
        self.id = id
        self.location = location
        self.footprint = footprint
        self.levels = levels
    }

    /// Square metres of floor: footprint × levels.
    public var floorArea: Double { footprint * levels }
}
