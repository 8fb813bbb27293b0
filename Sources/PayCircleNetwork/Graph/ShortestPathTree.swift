import PayCircleCore

/// Walking times from one place on the network to the nodes settled so far, with the arc each node was
/// reached by (Dijkstra's algorithm; times in seconds). It lives only inside
/// ``WalkingGraph/withShortestPaths(from:limit:isDone:_:)``, whose workspace it reads.
struct ShortestPathTree {
    static let seedArc: Int32 = -2
    static let unreachedArc: Int32 = -1

    let origin: NetworkLocation
    fileprivate let workspace: DijkstraWorkspace

    func seconds(_ node: Int32) -> Double { workspace.seconds[Int(node)] }
    func metres(_ node: Int32) -> Double { workspace.metres[Int(node)] }
    func arcIn(_ node: Int32) -> Int32 { workspace.arcIn[Int(node)] }
    /// Every node the search reached (settled or not).
    var reachedNodes: [Int32] { workspace.touched }
    /// The quickest way to `location` — through the edge's source, its target, or straight along the
    /// origin's own edge — with its time and length; nil when the edge's ends were not reached.
    func best(to location: NetworkLocation, in graph: WalkingGraph) -> (seconds: Double, metres: Double, via: Via)? {
        let edge = graph.edges[Int(location.edge)]
        let edgeSeconds = graph.edgeSeconds[Int(location.edge)]
        var result: (seconds: Double, metres: Double, via: Via)?
        func consider(_ seconds: Double, _ metres: Double, _ via: Via) {
            if seconds.isFinite, seconds < result?.seconds ?? .infinity { result = (seconds, metres, via) }
        }
        let s = edge.source, t = edge.target
        consider(seconds(s) + location.fraction * edgeSeconds, metres(s) + location.fraction * edge.length, .source)
        if !edge.isOneway {
            consider(seconds(t) + (1 - location.fraction) * edgeSeconds, metres(t) + (1 - location.fraction) * edge.length, .target)
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
    /// Dijkstra from `origin` (A* with a `goal`), handing the search tree to `body`; settles nodes in order
    /// of time and stops once the next one is farther than `limit` seconds or `isDone` says so after settling
    /// a node.
    func withShortestPaths<T>(
        from origin: NetworkLocation, limit: Double = .infinity, toward goal: TravelTimeBound.Goal? = nil, keepsMetres: Bool = true,
        isDone: (_ node: Int32, _ seconds: Double) -> Bool = { _, _ in false },
        _ body: (ShortestPathTree) throws -> T
    ) rethrows -> T {
        try withSearch(seeds: seeds(leaving: origin), limit: limit, toward: goal, keepsMetres: keepsMetres, isDone: isDone) { workspace in
            try body(ShortestPathTree(origin: origin, workspace: workspace))
        }
    }

    /// A node a search starts from, already `seconds` and `metres` away from where the walk begins.
    struct Seed {
        var node: Int32
        var seconds: Double
        var metres: Double
    }

    /// Where a walk from `origin` enters the network: the end of its edge ahead, and the one behind
    /// unless the edge is walked one way only, each with the time and metres to get there.
    func seeds(leaving origin: NetworkLocation) -> [Seed] {
        let edge = edges[Int(origin.edge)], edgeTime = edgeSeconds[Int(origin.edge)]
        var seeds = [Seed(node: edge.target, seconds: (1 - origin.fraction) * edgeTime, metres: (1 - origin.fraction) * edge.length)]
        if !edge.isOneway { seeds.append(Seed(node: edge.source, seconds: origin.fraction * edgeTime, metres: origin.fraction * edge.length)) }
        return seeds
    }

    /// Dijkstra from `seeds` in a pooled workspace, which `body` reads before it is reset. With a `goal`
    /// it is A*: nodes come off the heap in order of their time plus ``TravelTimeBound``'s bound to the
    /// goal, so a search toward one place settles far fewer nodes, each still at its quickest time.
    /// `isDone` is asked after each settled node, with its time. Without `keepsMetres` the nodes' metres
    /// are left unknown (infinity), for searches that only need times and arcs.
    func withSearch<T>(
        seeds: [Seed], limit: Double, toward goal: TravelTimeBound.Goal? = nil, keepsMetres: Bool = true,
        isDone: (_ node: Int32, _ seconds: Double) -> Bool,
        _ body: (DijkstraWorkspace) throws -> T
    ) rethrows -> T {
        try workspaces.withWorkspace { workspace in
            // The growing arrays are moved out of the workspace and back (no copies), so the hot loop needs
            // no exclusivity checks on class properties.
            let seconds = workspace.seconds, metres = workspace.metres, arcIn = workspace.arcIn
            var touched = workspace.touched, heap = workspace.heap
            workspace.touched = []; workspace.heap = MinHeap()
            let perMetre = goal == nil ? 0 : bound.secondsPerMetre
            let goalX = goal?.x ?? 0, goalY = goal?.y ?? 0
            bound.x.withUnsafeBufferPointer { planeX in
                bound.y.withUnsafeBufferPointer { planeY in
                    @inline(__always) func remaining(_ node: Int) -> Double {
                        guard perMetre > 0 else { return 0 }
                        let dx = planeX[node] - goalX, dy = planeY[node] - goalY
                        return (dx * dx + dy * dy).squareRoot() * perMetre
                    }
                    for seed in seeds where seed.seconds < seconds[Int(seed.node)] {
                        if arcIn[Int(seed.node)] == ShortestPathTree.unreachedArc { touched.append(seed.node) }
                        seconds[Int(seed.node)] = seed.seconds
                        metres[Int(seed.node)] = seed.metres
                        arcIn[Int(seed.node)] = ShortestPathTree.seedArc
                        heap.push(seed.seconds + remaining(Int(seed.node)), seed.node)
                    }
                    offsets.withUnsafeBufferPointer { offsets in
                        arcTarget.withUnsafeBufferPointer { arcTarget in
                            arcEdge.withUnsafeBufferPointer { arcEdge in
                                arcSeconds.withUnsafeBufferPointer { arcSeconds in
                                    edgeMetres.withUnsafeBufferPointer { edgeMetres in
                                        while let (key, node) = heap.pop() {
                                            let cost = seconds[Int(node)]
                                            // A later, cheaper entry for the node made this one stale.
                                            if key > cost + remaining(Int(node)) { continue }
                                            if cost > limit { break }
                                            let reached = metres[Int(node)]
                                            for arc in Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1]) {
                                                let next = Int(arcTarget[arc])
                                                let candidate = cost + arcSeconds[arc]
                                                if candidate < seconds[next] {
                                                    if arcIn[next] == ShortestPathTree.unreachedArc { touched.append(Int32(next)) }
                                                    seconds[next] = candidate
                                                    if keepsMetres { metres[next] = reached + edgeMetres[Int(arcEdge[arc])] }
                                                    arcIn[next] = Int32(arc)
                                                    heap.push(candidate + remaining(next), Int32(next))
                                                }
                                            }
                                            if isDone(node, cost) { break }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            workspace.touched = touched; workspace.heap = heap
            return try body(workspace)
        }
    }
}
