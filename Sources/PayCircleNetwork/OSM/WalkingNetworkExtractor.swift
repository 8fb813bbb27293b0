import PayCircleCore

/// Builds the pedestrian network from the stream of an OSM file: every pair of consecutive nodes of a
/// walkable way becomes an edge with its geodesic length. Nodes come before ways in OSM files, so node
/// positions are known when ways arrive.
public struct WalkingNetworkExtractor {
    private var nodeIndex: [Int64: Int32] = [:]
    public private(set) var network = WalkingNetworkData()
    /// Walkable ways that referred to nodes missing from the file (those segments are left out).
    public private(set) var waysWithMissingNodes = 0

    public init() {}

    /// A way, placed by the positions of its nodes read earlier in the file.
    public mutating func add(_ way: OSMWay, positions: NodePositions) {
        guard way.nodeIDs.count >= 2, WalkableWayFilter.isWalkable(way.tags) else { return }
        let highway = way.tags["highway"] ?? "path"
        let name = way.tags["name"]
        let direction = WalkableWayFilter.footDirection(way.tags)
        var missing = false
        for (from, to) in zip(way.nodeIDs, way.nodeIDs.dropFirst()) where from != to {
            guard let a = positions[from], let b = positions[to] else { missing = true; continue }
            var source = index(of: from, at: a), target = index(of: to, at: b)
            if direction < 0 { swap(&source, &target) }
            network.edges.append(.init(source: source, target: target, length: Geodesic.distance(a, b),
                                       highway: highway, name: name, isOneway: direction != 0))
        }
        if missing { waysWithMissingNodes += 1 }
    }

    private mutating func index(of id: Int64, at coordinate: Coordinate) -> Int32 {
        if let index = nodeIndex[id] { return index }
        let index = Int32(network.nodes.count)
        nodeIndex[id] = index
        network.nodes.append(.init(osmID: id, coordinate: coordinate))
        return index
    }
}
