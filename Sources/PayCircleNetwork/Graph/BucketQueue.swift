/// A monotone bucket queue (Dial's) of (cost, node) pairs: bucket i holds costs in [i·width, (i+1)·width).
/// Pushing and taking are constant time, where a binary heap's frontier of a whole-city search costs a
/// logarithm with cache misses. Costs inside a bucket are not ordered: searches that use it correct labels
/// that improve after being expanded (see ``WalkingGraph/withBucketSearch(seeds:limit:_:)``).
///
/// An entry keeps its cost as a `Float` beside the node, eight bytes in all: a whole-city search pushes
/// millions, and the cost serves only to tell a stale entry (the node has since become cheaper) from a live
/// one, while the search reads the node's exact time from its own array.
struct BucketQueue {
    let width: Double
    private var buckets: [[(cost: Float, node: Int32)]] = []
    /// The bucket being taken from; nothing is pushed below it.
    private(set) var current = 0
    private var position = 0

    init(width: Double) { self.width = width }

    /// The lower cost bound of the current bucket.
    var floor: Double { Double(current) * width }

    mutating func push(_ cost: Double, _ node: Int32) {
        let index = max(current, Int(cost / width))
        if index >= buckets.count { buckets.append(contentsOf: Array(repeating: [], count: index - buckets.count + 1)) }
        buckets[index].append((Float(cost), node))
    }

    /// The next entry, from the lowest non-empty bucket; nil when the queue is empty.
    mutating func pop() -> (cost: Float, node: Int32)? {
        while current < buckets.count {
            if position < buckets[current].count {
                position += 1
                return buckets[current][position - 1]
            }
            buckets[current].removeAll(keepingCapacity: true)
            current += 1
            position = 0
        }
        return nil
    }

    mutating func removeAll() {
        for index in buckets.indices { buckets[index].removeAll(keepingCapacity: true) }
        current = 0
        position = 0
    }
}
