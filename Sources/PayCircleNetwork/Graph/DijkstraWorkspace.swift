import Synchronization

/// Per-search arrays sized to the graph, reused across searches: only the entries a search touched are
/// reset afterwards, so a short route on a million-node graph does not pay for clearing millions.
///
/// The per-node arrays are buffers the workspace owns, so the searches' inner loops read and write them
/// without copy-on-write or exclusivity checks; so is the bucket queue's memory. A workspace is only ever
/// used by one search at a time, and frees all of it when it goes.
final class DijkstraWorkspace {
    let seconds: UnsafeMutableBufferPointer<Double>
    let metres: UnsafeMutableBufferPointer<Double>
    let arcIn: UnsafeMutableBufferPointer<Int32>
    /// Nodes whose entries differ from the initial state.
    var touched: [Int32] = []
    /// Whether the last search wrote metres and arcs as well as seconds (the bucket search writes only
    /// seconds, so only those need resetting after it).
    var wroteArcs = true
    var heap = MinHeap()
    var buckets = BucketQueue(width: 1)

    init(nodeCount: Int) {
        seconds = .allocate(capacity: nodeCount)
        seconds.initialize(repeating: .infinity)
        metres = .allocate(capacity: nodeCount)
        metres.initialize(repeating: .infinity)
        arcIn = .allocate(capacity: nodeCount)
        arcIn.initialize(repeating: ShortestPathTree.unreachedArc)
    }

    deinit {
        seconds.deallocate()
        metres.deallocate()
        arcIn.deallocate()
        buckets.deallocate()
    }

    func reset() {
        for node in touched { seconds[Int(node)] = .infinity }
        if wroteArcs {
            for node in touched {
                metres[Int(node)] = .infinity
                arcIn[Int(node)] = ShortestPathTree.unreachedArc
            }
        }
        touched.removeAll(keepingCapacity: true)
        wroteArcs = true
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
