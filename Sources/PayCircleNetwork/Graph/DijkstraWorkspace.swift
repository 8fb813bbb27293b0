import Synchronization

/// Per-search arrays sized to the graph, reused across searches: only the entries a search touched are
/// reset afterwards, so a short route on a million-node graph does not pay for clearing millions.
final class DijkstraWorkspace {
    var seconds: [Double]
    var metres: [Double]
    var arcIn: [Int32]
    /// Nodes whose entries differ from the initial state.
    var touched: [Int32] = []
    var heap = MinHeap()
    var buckets = BucketQueue(width: 1)

    init(nodeCount: Int) {
        seconds = [Double](repeating: .infinity, count: nodeCount)
        metres = [Double](repeating: .infinity, count: nodeCount)
        arcIn = [Int32](repeating: ShortestPathTree.unreachedArc, count: nodeCount)
    }

    func reset() {
        for node in touched {
            seconds[Int(node)] = .infinity
            metres[Int(node)] = .infinity
            arcIn[Int(node)] = ShortestPathTree.unreachedArc
        }
        touched.removeAll(keepingCapacity: true)
        heap.removeAll()
    }
}

/// Idle workspaces of one graph; concurrent searches each take their own.
final class DijkstraWorkspacePool: Sendable {
    private let idle = Mutex<[DijkstraWorkspaceBox]>([])
    let nodeCount: Int

    init(nodeCount: Int) { self.nodeCount = nodeCount }

    func withWorkspace<T>(_ body: (DijkstraWorkspace) throws -> T) rethrows -> T {
        let box = idle.withLock { $0.popLast() } ?? DijkstraWorkspaceBox(DijkstraWorkspace(nodeCount: nodeCount))
        defer {
            box.workspace.reset()
            idle.withLock { if $0.count < 8 { $0.append(box) } }
        }
        return try body(box.workspace)
    }
}

/// Hands a workspace between threads; the pool gives each to one search at a time.
struct DijkstraWorkspaceBox: @unchecked Sendable {
    let workspace: DijkstraWorkspace
    init(_ workspace: DijkstraWorkspace) { self.workspace = workspace }
}
