import PayCircleCore

/// Walking seconds from the nearest of several sources (channels) to any place on the network, read from
/// one multi-source search: at a node, or at any fraction of an edge, where the best of walking in from
/// the edge's source, from its target, or straight along the edge from a source on it wins.
///
/// It is valid only inside ``WalkingGraph/withWalkingTimes(from:limit:_:)``, whose search workspace it
/// reads (the workspace is reused afterwards); places farther than the limit read as infinity.
public struct WalkingTimes {
    fileprivate let graph: WalkingGraph
    fileprivate let workspace: DijkstraWorkspace
    /// Sources lying on each edge: (fraction, seconds already spent on reaching it).
    fileprivate let sourcesOnEdge: [Int32: [(fraction: Double, seconds: Double)]]
    /// Bit e set when edge e holds a source: most edges do not, and a bit test is cheaper than a lookup.
    private let hasSources: [UInt64]
    public let limit: Double

    fileprivate init(graph: WalkingGraph, workspace: DijkstraWorkspace, sourcesOnEdge: [Int32: [(fraction: Double, seconds: Double)]], limit: Double) {
        self.graph = graph
        self.workspace = workspace
        self.sourcesOnEdge = sourcesOnEdge
        self.limit = limit
        var bits = [UInt64](repeating: 0, count: (graph.edgeCount + 63) / 64)
        for edge in sourcesOnEdge.keys { bits[Int(edge) / 64] |= 1 << UInt64(Int(edge) % 64) }
        hasSources = bits
    }

    /// Seconds to `node`, infinity when it is beyond the limit or unreachable.
    public func seconds(atNode node: Int32) -> Double {
        let value = workspace.seconds[Int(node)]
        return value <= limit ? value : .infinity
    }

    /// Every node the search reached within the limit, in no particular order.
    public var reachedNodes: [Int32] { workspace.touched.filter { workspace.seconds[Int($0)] <= limit } }

    /// Every edge some of which lies within the limit: those leaving a reached node and those holding a
    /// source, each once, in index order.
    public var reachedEdges: [Int32] {
        var found = Set(sourcesOnEdge.keys)
        for node in workspace.touched where workspace.seconds[Int(node)] <= limit {
            for arc in Int(graph.offsets[Int(node)])..<Int(graph.offsets[Int(node) + 1]) { found.insert(graph.arcEdge[arc]) }
        }
        return found.sorted()
    }

    /// Seconds to the point `fraction` of the way along `edge`.
    public func seconds(onEdge edge: Int32, at fraction: Double) -> Double {
        along(edge).seconds(at: fraction)
    }

    /// The times along one edge, for reading many places on it.
    public func along(_ edge: Int32) -> EdgeTimes {
        let e = graph.edges[Int(edge)]
        let sources = hasSources[Int(edge) / 64] & (1 << UInt64(Int(edge) % 64)) != 0 ? sourcesOnEdge[edge] ?? [] : []
        return EdgeTimes(atSource: workspace.seconds[Int(e.source)], atTarget: e.isOneway ? .infinity : workspace.seconds[Int(e.target)],
                         seconds: graph.edgeSeconds[Int(edge)], isOneway: e.isOneway, sources: sources, limit: limit)
    }
}

extension WalkingGraph {
    /// One multi-source search from `sources` (places on the network, each with the seconds already
    /// spent reaching it, e.g. the walk from a channel's door), handing the walking times to `body`.
    ///
    /// ```swift
    /// let covered = graph.withWalkingTimes(from: channels, limit: 600) { times in
    ///     times.seconds(onEdge: home.edge, at: home.fraction) <= 600
    /// }
    /// ```
    public func withWalkingTimes<T>(
        from sources: [(location: NetworkLocation, seconds: Double)], limit: Double = .infinity,
        _ body: (WalkingTimes) throws -> T
    ) rethrows -> T {
        var seeds: [Seed] = []
        var onEdge: [Int32: [(fraction: Double, seconds: Double)]] = [:]
        for (location, start) in sources {
            let edge = edges[Int(location.edge)], edgeTime = edgeSeconds[Int(location.edge)]
            seeds.append(Seed(node: edge.target, seconds: start + (1 - location.fraction) * edgeTime, metres: 0))
            if !edge.isOneway { seeds.append(Seed(node: edge.source, seconds: start + location.fraction * edgeTime, metres: 0)) }
            onEdge[location.edge, default: []].append((location.fraction, start))
        }
        return try withBucketSearch(seeds: seeds, limit: limit) { workspace in
            try body(WalkingTimes(graph: self, workspace: workspace, sourcesOnEdge: onEdge, limit: limit))
        }
    }

    /// Walking seconds to every node from the nearest of several places, each already some seconds away;
    /// nodes farther than `limit`, or unreachable, get infinity.
    ///
    /// ```swift
    /// let times = graph.walkingSeconds(from: openChannels.map { (try graph.snap($0.location), 0) })
    /// ```
    public func walkingSeconds(from sources: [(location: NetworkLocation, seconds: Double)], limit: Double = .infinity) -> [Double] {
        withWalkingTimes(from: sources, limit: limit) { times in (0..<Int32(nodeCount)).map { times.seconds(atNode: $0) } }
    }
}
