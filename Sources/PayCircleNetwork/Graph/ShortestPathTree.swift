import PayCircleCore

/// Walking times from one place on the network to the nodes settled so far, with the arc each node was
/// reached by (Dijkstra's algorithm; times in seconds).
public struct ShortestPathTree: Sendable {
    static let seedArc: Int32 = -2
    static let unreachedArc: Int32 = -1

    public let origin: NetworkLocation
    var seconds: [Double]
    /// Metres walked along the quickest path to each node.
    var metres: [Double]
    var arcIn: [Int32]

    /// The quickest way to `location` — through the edge's source, its target, or straight along the
    /// origin's own edge — with its time and length; nil when the edge's ends were not reached.
    func best(to location: NetworkLocation, in graph: WalkingGraph) -> (seconds: Double, metres: Double, via: Via)? {
        let edge = graph.edges[Int(location.edge)]
        let edgeSeconds = graph.edgeSeconds[Int(location.edge)]
        var result: (seconds: Double, metres: Double, via: Via)?
        func consider(_ seconds: Double, _ metres: Double, _ via: Via) {
            if seconds.isFinite, seconds < result?.seconds ?? .infinity { result = (seconds, metres, via) }
        }
        let s = Int(edge.source), t = Int(edge.target)
        consider(self.seconds[s] + location.fraction * edgeSeconds, metres[s] + location.fraction * edge.length, .source)
        if !edge.isOneway {
            consider(self.seconds[t] + (1 - location.fraction) * edgeSeconds, metres[t] + (1 - location.fraction) * edge.length, .target)
        }
        if location.edge == origin.edge, location.fraction >= origin.fraction || !edge.isOneway {
            let share = abs(location.fraction - origin.fraction)
            consider(share * edgeSeconds, share * edge.length, .direct)
        }
        return result
    }

    enum Via { case source, target, direct }
}

extension WalkingGraph {
    /// Dijkstra from `origin`; settles nodes in order of time and stops once the next one is farther than
    /// `limit` seconds or `isDone` says so after settling a node.
    public func shortestPaths(from origin: NetworkLocation, limit: Double = .infinity,
                              isDone: (_ node: Int32, _ seconds: Double) -> Bool = { _, _ in false }) -> ShortestPathTree {
        var seconds = [Double](repeating: .infinity, count: nodeCount)
        var metres = [Double](repeating: .infinity, count: nodeCount)
        var arcIn = [Int32](repeating: ShortestPathTree.unreachedArc, count: nodeCount)
        var heap = MinHeap()
        let edge = edges[Int(origin.edge)], edgeTime = edgeSeconds[Int(origin.edge)]
        seconds[Int(edge.target)] = (1 - origin.fraction) * edgeTime
        metres[Int(edge.target)] = (1 - origin.fraction) * edge.length
        arcIn[Int(edge.target)] = ShortestPathTree.seedArc
        heap.push(seconds[Int(edge.target)], edge.target)
        if !edge.isOneway, origin.fraction * edgeTime < seconds[Int(edge.source)] {
            seconds[Int(edge.source)] = origin.fraction * edgeTime
            metres[Int(edge.source)] = origin.fraction * edge.length
            arcIn[Int(edge.source)] = ShortestPathTree.seedArc
            heap.push(seconds[Int(edge.source)], edge.source)
        }
        offsets.withUnsafeBufferPointer { offsets in
            arcTarget.withUnsafeBufferPointer { arcTarget in
                arcEdge.withUnsafeBufferPointer { arcEdge in
                    edgeSeconds.withUnsafeBufferPointer { edgeSeconds in
                        while let (cost, node) = heap.pop() {
                            if cost > seconds[Int(node)] { continue }
                            if cost > limit { break }
                            for arc in Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1]) {
                                let next = arcTarget[arc]
                                let candidate = cost + edgeSeconds[Int(arcEdge[arc])]
                                if candidate < seconds[Int(next)] {
                                    seconds[Int(next)] = candidate
                                    metres[Int(next)] = metres[Int(node)] + edges[Int(arcEdge[arc])].length
                                    arcIn[Int(next)] = Int32(arc)
                                    heap.push(candidate, next)
                                }
                            }
                            if isDone(node, cost) { break }
                        }
                    }
                }
            }
        }
        return ShortestPathTree(origin: origin, seconds: seconds, metres: metres, arcIn: arcIn)
    }

    /// The node an arc leaves from (arcs are stored under their tail node).
    func tail(ofArc arc: Int32) -> Int32 {
        var low = 0, high = nodeCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if offsets[middle] <= arc { low = middle } else { high = middle - 1 }
        }
        return Int32(low)
    }
}
