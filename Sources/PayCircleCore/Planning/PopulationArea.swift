/// A neighbourhood, community or town with the people who live there: the unit planners count coverage in.
public struct PopulationArea: Sendable, Hashable, Identifiable {
    /// Outer ring first, then holes; each ring closed (first position equals last), WGS-84.
    public typealias Polygon = [[Coordinate]]

    public var id: String
    public var name: String
    public var population: Double
    public var polygons: [Polygon]

    public init(id: String, name: String, population: Double, polygons: [Polygon]) {
        self.id = id
        self.name = name
        self.population = population
        self.polygons = polygons
    }
}
