/// The best `capacity` neighbours seen so far, sorted by distance then index; small k makes a sorted
/// array faster than a heap.
struct NeighborList {
    private(set) var neighbors: [GeodesicKDTree.Neighbor] = []
    let capacity: Int
    let limit: Double

    init(capacity: Int, limit: Double) {
        self.capacity = capacity
        self.limit = limit
        neighbors.reserveCapacity(capacity + 1)
    }

    /// The distance a candidate must not exceed to enter the list, with a micrometre of slack so that
    /// rounding in the chord lower bound never prunes an exact tie.
    var bound: Double {
        (neighbors.count == capacity ? neighbors[capacity - 1].distance : limit) + 1e-6
    }

    mutating func insert(_ index: Int, _ distance: Double) {
        guard distance <= limit else { return }
        if neighbors.count == capacity {
            let last = neighbors[capacity - 1]
            guard distance < last.distance || (distance == last.distance && index < last.index) else { return }
            neighbors.removeLast()
        }
        var position = neighbors.count
        while position > 0 {
            let before = neighbors[position - 1]
            if before.distance < distance || (before.distance == distance && before.index < index) { break }
            position -= 1
        }
        neighbors.insert(GeodesicKDTree.Neighbor(index: index, distance: distance), at: position)
    }
}
