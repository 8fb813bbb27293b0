import PayCircleCore

/// An OSM node as the reader reports it; `tags` is empty for untagged nodes.
public struct OSMNode: Sendable {
    public var id: Int64
    public var coordinate: Coordinate
    public var tags: [String: String]

    public init(id: Int64, coordinate: Coordinate, tags: [String: String]) {
        self.id = id
        self.coordinate = coordinate
        self.tags = tags
    }
}

/// An OSM way: its node references in order and its tags.
public struct OSMWay: Sendable {
    public var id: Int64
    public var nodeIDs: [Int64]
    public var tags: [String: String]

    public init(id: Int64, nodeIDs: [Int64], tags: [String: String]) {
        self.id = id
        self.nodeIDs = nodeIDs
        self.tags = tags
    }
}
