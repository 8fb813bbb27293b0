/// A pedestrian network as stored: nodes with positions and undirected (or foot-oneway) edges between
/// them, each a straight segment with its geodesic length, OSM highway class and street name.
public struct WalkingNetworkData: Sendable, Equatable {
    public struct Edge: Sendable, Equatable {
        /// Indices into `nodes`.
        public var source: Int32
        public var target: Int32
        public var length: Double
        /// The OSM `highway` value (`footway`, `steps`, `residential`, …).
        public var highway: String
        public var name: String?
        /// True when only source → target may be walked (`oneway:foot`).
        public var isOneway: Bool

        public init(source: Int32, target: Int32, length: Double, highway: String, name: String? = nil, isOneway: Bool = false) {
            self.source = source
            self.target = target
            self.length = length
            self.highway = highway
            self.name = name
            self.isOneway = isOneway
        }
    }

    public struct Node: Sendable, Equatable {
        public var osmID: Int64
        public var coordinate: Coordinate

        public init(osmID: Int64, coordinate: Coordinate) {
            self.osmID = osmID
            self.coordinate = coordinate
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]

    public init(nodes: [Node] = [], edges: [Edge] = []) {
        self.nodes = nodes
        self.edges = edges
    }
}
