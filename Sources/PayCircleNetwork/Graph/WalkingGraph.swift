import PayCircleCore
import Synchronization

/// The walking network in memory as compressed sparse rows: for node `n`, arcs
/// `offsets[n]..<offsets[n+1]` give the neighbour and the edge walked. Connected components are labelled
/// at build time; snapping only uses the largest one, so every snapped place can reach every other.
///
/// ```swift
/// let graph = WalkingGraph(try await store.loadNetwork())
/// let route = try graph.route(from: hall, to: kiosk)
/// ```
public final class WalkingGraph: Sendable {
    public let profile: WalkingProfile
    let coordinates: [Coordinate]
    let osmIDs: [Int64]
    let edges: [WalkingNetworkData.Edge]
    /// Walking time of each edge in seconds.
    let edgeSeconds: [Double]
    /// Length of each edge in metres, apart from the larger edge records so that searches read less memory.
    let edgeMetres: [Double]
    let offsets: [Int32]
    let arcTarget: [Int32]
    let arcEdge: [Int32]
    /// Seconds to walk each arc's edge, beside the arc so that searches need not look the edge up.
    let arcSeconds: [Double]
    /// Arcs by their head instead: `incomingOffsets[n]..<incomingOffsets[n+1]` give the nodes one can walk
    /// to `n` from, for searches toward places. The same arrays as the outgoing ones (shared, not copied)
    /// when no edge is foot-oneway.
    let incomingOffsets: [Int32]
    let incomingSource: [Int32]
    let incomingEdge: [Int32]
    let incomingSeconds: [Double]
    /// Component label per node; `mainComponent` is the largest.
    let component: [Int32]
    let mainComponent: Int32
    let segments: SegmentGrid
    /// Lower bounds on walking times, which steer searches toward one place.
    let bound: TravelTimeBound
    let workspaces: DijkstraWorkspacePool
    /// The grid behind ``edges(in:)``, built by its first use (map pages ask for it; searches never do).
    private let edgeBoxGrid = Mutex<EdgeBoxGrid?>(nil)

    public var nodeCount: Int { coordinates.count }
    public var edgeCount: Int { edges.count }
    public var isEmpty: Bool { edges.isEmpty }

    public init(_ network: WalkingNetworkData, profile: WalkingProfile = .standard) {
        self.profile = profile
        coordinates = network.nodes.map(\.coordinate)
        osmIDs = network.nodes.map(\.osmID)
        edges = network.edges
        let seconds = network.edges.map { profile.seconds($0.length, highway: $0.highway) }
        edgeSeconds = seconds
        edgeMetres = network.edges.map(\.length)
        let n = network.nodes.count
        (offsets, arcTarget, arcEdge) = Self.arcs(nodeCount: n, edges: network.edges, byHead: false)
        arcSeconds = arcEdge.map { seconds[Int($0)] }
        if network.edges.contains(where: \.isOneway) {
            (incomingOffsets, incomingSource, incomingEdge) = Self.arcs(nodeCount: n, edges: network.edges, byHead: true)
            incomingSeconds = incomingEdge.map { seconds[Int($0)] }
        } else {
            (incomingOffsets, incomingSource, incomingEdge, incomingSeconds) = (offsets, arcTarget, arcEdge, arcSeconds)
        }
        (component, mainComponent) = Self.components(nodeCount: n, edges: network.edges)
        let main = mainComponent, labels = component
        workspaces = DijkstraWorkspacePool(nodeCount: n)
        segments = SegmentGrid(coordinates: coordinates, edges: network.edges) { labels[Int($0.source)] == main }
        bound = TravelTimeBound(coordinates: coordinates, edges: network.edges, edgeSeconds: seconds)
    }

    /// The arcs as compressed sparse rows, under their tail node (or, `byHead`, under their head node):
    /// an edge walkable both ways gives an arc each way, a foot-oneway edge only source → target. Returns
    /// the row offsets, the node at the other end of each arc, and each arc's edge.
    private static func arcs(nodeCount n: Int, edges: [WalkingNetworkData.Edge], byHead: Bool) -> ([Int32], [Int32], [Int32]) {
        var offsets = [Int32](repeating: 0, count: n + 1)
        func each(_ body: (_ row: Int32, _ other: Int32, _ edge: Int32) -> Void) {
            for (index, edge) in edges.enumerated() {
                let (tail, head) = (edge.source, edge.target)
                body(byHead ? head : tail, byHead ? tail : head, Int32(index))
                if !edge.isOneway { body(byHead ? tail : head, byHead ? head : tail, Int32(index)) }
            }
        }
        each { row, _, _ in offsets[Int(row) + 1] += 1 }
        for i in 0..<n { offsets[i + 1] += offsets[i] }
        var next = offsets
        var others = [Int32](repeating: 0, count: Int(offsets[n])), arcEdges = others
        each { row, other, edge in
            others[Int(next[Int(row)])] = other
            arcEdges[Int(next[Int(row)])] = edge
            next[Int(row)] += 1
        }
        return (offsets, others, arcEdges)
    }

    /// Undirected connected components by union-find, labelled by their root; the largest is returned.
    private static func components(nodeCount: Int, edges: [WalkingNetworkData.Edge]) -> ([Int32], Int32) {
        var parent = Array(0..<Int32(nodeCount))
        func root(_ x: Int32) -> Int32 {
            var x = x
            while parent[Int(x)] != x {
                parent[Int(x)] = parent[Int(parent[Int(x)])]
                x = parent[Int(x)]
            }
            return x
        }
        for edge in edges {
            let a = root(edge.source), b = root(edge.target)
            if a != b { parent[Int(max(a, b))] = min(a, b) }
        }
        var sizes: [Int32: Int] = [:]
        let labels = (0..<Int32(nodeCount)).map { node -> Int32 in
            let label = root(node)
            sizes[label, default: 0] += 1
            return label
        }
        let largest = sizes.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? -1
        return (labels, largest)
    }
}

extension WalkingGraph {
    /// Edge `index` as stored: its end nodes, length, class and name.
    public func edge(_ index: Int32) -> WalkingNetworkData.Edge { edges[Int(index)] }

    /// Seconds to walk the whole of edge `index`.
    public func seconds(ofEdge index: Int32) -> Double { edgeSeconds[Int(index)] }

    /// Where node `node` stands.
    public func coordinate(ofNode node: Int32) -> Coordinate { coordinates[Int(node)] }

    /// Whether edge `index` belongs to the component places are snapped onto.
    public func isInMainComponent(edge index: Int32) -> Bool { component[Int(edges[Int(index)].source)] == mainComponent }

    /// The nodes of the component used for snapping.
    public var mainComponentNodes: [Int32] {
        (0..<Int32(nodeCount)).filter { component[Int($0)] == mainComponent }
    }

    /// The edges with at least one end node inside `box` (`box.contains(source) || box.contains(target)`),
    /// in ascending order. Found through a grid over the nodes, built once on first use, so the work grows
    /// with the edges near the box rather than with the whole network.
    ///
    /// ```swift
    /// let shown = graph.edges(in: BoundingBox(minLongitude: 7.41, minLatitude: 43.72, maxLongitude: 7.43, maxLatitude: 43.74))
    /// ```
    public func edges(in box: BoundingBox) -> [Int32] {
        let grid = edgeBoxGrid.withLock { grid -> EdgeBoxGrid in
            if let grid { return grid }
            let built = EdgeBoxGrid(coordinates: coordinates, edges: edges)
            grid = built
            return built
        }
        return grid.edges(in: box, coordinates: coordinates, edges: edges)
    }
}
