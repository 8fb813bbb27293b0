import PayCircleCore

/// Walking seconds from any place on the network to the nearest of several places (channels), read from
/// one multi-source search toward them: at a node, or at any fraction of an edge, where the best of
/// walking out through the edge's source end, through its target end, or straight along the edge to a
/// place on it wins. On a foot-oneway edge one may walk only toward its target.
///
/// It is valid only inside ``WalkingGraph/withWalkingTimes(to:limit:_:)``, whose search workspace it
/// reads (the workspace is reused afterwards); places farther than the limit read as infinity.
public struct WalkingTimes {
    fileprivate let graph: WalkingGraph
    fileprivate let workspace: DijkstraWorkspace
    /// Destinations lying on each edge, sorted by edge, with their fractions and the seconds still to
    /// walk from there (e.g. from the network to a channel's door).
    fileprivate let destinationEdges: [Int32]
    fileprivate let destinations: [[(fraction: Double, seconds: Double)]]
    /// Bit e set when edge e holds a destination, so that most edges are passed over with a bit test;
    /// kept only for searches toward many places.
    private let hasDestinations: [UInt64]?
    public let limit: Double

    fileprivate init(graph: WalkingGraph, workspace: DijkstraWorkspace, onEdge: [Int32: [(fraction: Double, seconds: Double)]], limit: Double) {
        self.graph = graph
        self.workspace = workspace
        self.limit = limit
        destinationEdges = onEdge.keys.sorted()
        destinations = destinationEdges.map { onEdge[$0]! }
        if onEdge.count > 64 {
            var bits = [UInt64](repeating: 0, count: (graph.edgeCount + 63) / 64)
            for edge in destinationEdges { bits[Int(edge) / 64] |= 1 << UInt64(Int(edge) % 64) }
            hasDestinations = bits
        } else {
            hasDestinations = nil
        }
    }

    /// Seconds from `node`, infinity when it is beyond the limit or cannot reach any destination.
    public func seconds(atNode node: Int32) -> Double {
        let value = workspace.seconds[Int(node)]
        return value <= limit ? value : .infinity
    }

    /// Every node within the limit, in no particular order.
    public var reachedNodes: [Int32] { workspace.touched.filter { workspace.seconds[Int($0)] <= limit } }

    /// Every edge from which some place lies within the limit: those one can walk into a reached node by,
    /// and those holding a destination, each once, in index order.
    public var reachedEdges: [Int32] {
        var found = Set(destinationEdges)
        for node in workspace.touched where workspace.seconds[Int(node)] <= limit {
            for arc in Int(graph.incomingOffsets[Int(node)])..<Int(graph.incomingOffsets[Int(node) + 1]) { found.insert(graph.incomingEdge[arc]) }
        }
        return found.sorted()
    }

    /// Seconds from the point `fraction` of the way along `edge`.
    public func seconds(onEdge edge: Int32, at fraction: Double) -> Double {
        along(edge).seconds(at: fraction)
    }

    /// The times along one edge, for reading many places on it.
    public func along(_ edge: Int32) -> EdgeTimes {
        let e = graph.edges[Int(edge)]
        return EdgeTimes(atSource: e.isOneway ? .infinity : workspace.seconds[Int(e.source)], atTarget: workspace.seconds[Int(e.target)],
                         seconds: graph.edgeSeconds[Int(edge)], isOneway: e.isOneway, destinations: destinations(on: edge), limit: limit)
    }

    private func destinations(on edge: Int32) -> [(fraction: Double, seconds: Double)] {
        if let hasDestinations, hasDestinations[Int(edge) / 64] & (1 << UInt64(Int(edge) % 64)) == 0 { return [] }
        var low = 0, high = destinationEdges.count
        while low < high {
            let middle = (low + high) / 2
            if destinationEdges[middle] < edge { low = middle + 1 } else { high = middle }
        }
        return low < destinationEdges.count && destinationEdges[low] == edge ? destinations[low] : []
    }
}

extension WalkingGraph {
    /// One search toward several places on the network at once (each with the seconds still to walk from
    /// there, e.g. from the network to a channel's door), handing the walking times from everywhere to
    /// the nearest of them to `body`.
    ///
    /// ```swift
    /// let covered = graph.withWalkingTimes(to: channels, limit: 600) { times in
    ///     times.seconds(onEdge: home.edge, at: home.fraction) <= 600
    /// }
    /// ```
    public func withWalkingTimes<T>(
        to places: [(location: NetworkLocation, seconds: Double)], limit: Double = .infinity,
        _ body: (WalkingTimes) throws -> T
    ) rethrows -> T {
        var seeds: [Seed] = []
        var onEdge: [Int32: [(fraction: Double, seconds: Double)]] = [:]
        for (location, start) in places {
            let edge = edges[Int(location.edge)], edgeTime = edgeSeconds[Int(location.edge)]
            // From the source end one walks forward to the place; from the target end only if the edge allows.
            seeds.append(Seed(node: edge.source, seconds: start + location.fraction * edgeTime, metres: 0))
            if !edge.isOneway { seeds.append(Seed(node: edge.target, seconds: start + (1 - location.fraction) * edgeTime, metres: 0)) }
            onEdge[location.edge, default: []].append((location.fraction, start))
        }
        return try withBucketSearch(seeds: seeds, limit: limit) { workspace in
            try body(WalkingTimes(graph: self, workspace: workspace, onEdge: onEdge, limit: limit))
        }
    }

    /// Walking seconds from every node to the nearest of several places, each some seconds still to walk
    /// from there; nodes farther than `limit`, or that cannot reach any, get infinity.
    ///
    /// ```swift
    /// let times = graph.walkingSeconds(to: openChannels.map { (try graph.snap($0.location), 0) })
    /// ```
    public func walkingSeconds(to places: [(location: NetworkLocation, seconds: Double)], limit: Double = .infinity) -> [Double] {
        withWalkingTimes(to: places, limit: limit) { times in (0..<Int32(nodeCount)).map { times.seconds(atNode: $0) } }
    }
}
