/// A binary min-heap of (cost, node) pairs for Dijkstra's algorithm (lazy deletion: stale entries are
/// skipped by the caller).
struct MinHeap {
    private var costs: [Double] = []
    private var nodes: [Int32] = []

    var isEmpty: Bool { costs.isEmpty }

    mutating func removeAll() {
        costs.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }
    var minimumCost: Double? { costs.first }

    mutating func push(_ cost: Double, _ node: Int32) {
        costs.append(cost)
        nodes.append(node)
        var child = costs.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard costs[child] < costs[parent] else { break }
            costs.swapAt(child, parent)
            nodes.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (cost: Double, node: Int32)? {
        guard let cost = costs.first else { return nil }
        let node = nodes[0]
        let lastCost = costs.removeLast(), lastNode = nodes.removeLast()
        if !costs.isEmpty {
            costs[0] = lastCost
            nodes[0] = lastNode
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < costs.count, costs[left] < costs[smallest] { smallest = left }
                if right < costs.count, costs[right] < costs[smallest] { smallest = right }
                if smallest == parent { break }
                costs.swapAt(parent, smallest)
                nodes.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return (cost, node)
    }
}
