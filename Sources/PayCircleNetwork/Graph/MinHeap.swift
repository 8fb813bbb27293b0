/// A binary min-heap of (cost, node) pairs for Dijkstra's algorithm (lazy deletion: stale entries are
/// skipped by the caller). Entries are sifted by moving a hole rather than by swapping pairs.
struct MinHeap {
    private struct Entry {
        var cost: Double
        var node: Int32
    }

    private var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func removeAll() { entries.removeAll(keepingCapacity: true) }

    mutating func push(_ cost: Double, _ node: Int32) {
        entries.append(Entry(cost: cost, node: node))
        entries.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard cost < heap[parent].cost else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = Entry(cost: cost, node: node)
        }
    }

    mutating func pop() -> (cost: Double, node: Int32)? {
        guard let top = entries.first else { return nil }
        let last = entries.removeLast()
        entries.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            guard count > 0 else { return }
            var parent = 0
            while true {
                var child = 2 * parent + 1
                if child >= count { break }
                if child + 1 < count, heap[child + 1].cost < heap[child].cost { child += 1 }
                guard heap[child].cost < last.cost else { break }
                heap[parent] = heap[child]
                parent = child
            }
            heap[parent] = last
        }
        return (top.cost, top.node)
    }
}
