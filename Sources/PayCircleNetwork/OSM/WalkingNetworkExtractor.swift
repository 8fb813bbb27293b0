import PayCircleCore

/// Builds the pedestrian network from the stream of an OSM file: every pair of consecutive nodes of a
/// walkable way becomes an edge with its geodesic length. Nodes come before ways in OSM files, so node
/// positions are known when ways arrive.
public struct WalkingNetworkExtractor {
    /// The network node of each slot of ``NodePositions``, -1 for nodes not in the network (yet).
    private var nodeBySlot: [Int32] = []
    public private(set) var network = WalkingNetworkData()
    /// Walkable ways that referred to nodes missing from the file (those segments are left out).
    public private(set) var waysWithMissingNodes = 0

    public init() {}

    /// A way, placed by the positions of its nodes read earlier in the file. Every call must pass the
    /// same `positions`, grown as the file is read: the extractor keeps its nodes by their slots there.
    public mutating func add(_ way: OSMWay, positions: NodePositions) {
        guard way.nodeIDs.count >= 2, WalkableWayFilter.isWalkable(way.tags) else { return }
        let highway = way.tags["highway"] ?? "path"
        let name = way.tags["name"]
        let direction = WalkableWayFilter.footDirection(way.tags)
        if nodeBySlot.count < positions.count { nodeBySlot.append(contentsOf: repeatElement(-1, count: positions.count - nodeBySlot.count)) }
        // Consecutive nodes that are the same node are one; a segment with a node missing from the file is
        // left out. Each node is found and prepared for the geodesic once, and handed on to the next segment.
        var lastID: Int64?, missing = false, hasSegments = false
        var previous: (id: Int64, slot: Int, coordinate: Coordinate, point: Geodesic.PreparedPoint)?
        for id in way.nodeIDs where id != lastID {
            if lastID != nil { hasSegments = true }
            lastID = id
            guard let slot = positions.slot(of: id) else {
                missing = true
                previous = nil
                continue
            }
            let coordinate = positions[slot: slot], point = Geodesic.PreparedPoint(coordinate)
            defer { previous = (id, slot, coordinate, point) }
            guard let from = previous else { continue }
            var source = node(from.slot, id: from.id, at: from.coordinate), target = node(slot, id: id, at: coordinate)
            if direction < 0 { swap(&source, &target) }
            network.edges.append(.init(source: source, target: target, length: Geodesic.distance(from.point, point),
                                       highway: highway, name: name, isOneway: direction != 0))
        }
        if missing && hasSegments { waysWithMissingNodes += 1 }
    }

    /// The network node of the position in `slot`, added to the network the first time.
    private mutating func node(_ slot: Int, id: Int64, at coordinate: Coordinate) -> Int32 {
        if nodeBySlot[slot] >= 0 {
            assert(network.nodes[Int(nodeBySlot[slot])].osmID == id, "positions other than those of earlier ways")
            return nodeBySlot[slot]
        }
        let index = Int32(network.nodes.count)
        nodeBySlot[slot] = index
        network.nodes.append(.init(osmID: id, coordinate: coordinate))
        return index
    }
}
