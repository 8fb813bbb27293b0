/// A place that could become a channel: a shop from OpenStreetMap, a grid point, or a row of a file.
public struct CandidateSite: Sendable, Hashable {
    public var id: String
    public var name: String
    public var location: Coordinate

    public init(id: String, name: String, location: Coordinate) {
        self.id = id
        self.name = name
        self.location = location
    }
}
