/// A monotone bucket queue (Dial's) of (cost, node) pairs: bucket i holds costs in [i·width, (i+1)·width).
/// Pushing and taking are constant time, where a binary heap's frontier of a whole-city search costs a
/// logarithm with cache misses. Costs inside a bucket are not ordered: searches that use it correct labels
/// that improve after being expanded (see ``WalkingGraph/withBucketSearch(seeds:limit:_:)``).
///
/// An entry keeps its cost as a `Float` beside the node, eight bytes in all: a whole-city search pushes
/// millions, and the cost serves only to tell a stale entry (the node has since become cheaper) from a live
/// one, while the search reads the node's exact time from its own array.
///
/// The buckets are memory the queue manages itself, kept across searches, so a push is a store and a
/// count with no reference counting or copy-on-write check; the owner calls ``deallocate()`` once.
struct BucketQueue {
    /// A node and its cost when pushed.
    typealias Entry = (cost: Float, node: Int32)

    private struct Bucket {
        var entries: UnsafeMutablePointer<Entry>?
        var count: Int32
        var capacity: Int32
    }

    let width: Double
    private var buckets: UnsafeMutableBufferPointer<Bucket>
    /// Buckets in use: `0..<used` may hold entries.
    private var used = 0
    /// The bucket being taken from; nothing is pushed below it.
    private(set) var current = 0
    private var position: Int32 = 0

    init(width: Double) {
        self.width = width
        buckets = .allocate(capacity: 0)
    }

    /// The lower cost bound of the current bucket.
    var floor: Double { Double(current) * width }

    mutating func push(_ cost: Double, _ node: Int32) {
        let index = max(current, Int(cost / width))
        if index >= used { addBuckets(through: index) }
        if buckets[index].count == buckets[index].capacity { grow(index) }
        let bucket = buckets[index]
        bucket.entries.unsafelyUnwrapped[Int(bucket.count)] = (Float(cost), node)
        buckets[index].count = bucket.count + 1
    }

    /// The next entry, from the lowest non-empty bucket; nil when the queue is empty.
    mutating func pop() -> Entry? {
        while current < used {
            let bucket = buckets[current]
            if position < bucket.count {
                position += 1
                return bucket.entries.unsafelyUnwrapped[Int(position - 1)]
            }
            buckets[current].count = 0
            current += 1
            position = 0
        }
        return nil
    }

    /// The node of the entry `distance` places after the last one taken, when the current bucket holds
    /// it (for prefetching what the search will read for it).
    @inline(__always)
    func upcoming(_ distance: Int32) -> Int32? {
        guard current < used else { return nil }
        let bucket = buckets[current]
        let index = position - 1 + distance
        return index < bucket.count ? bucket.entries.unsafelyUnwrapped[Int(index)].node : nil
    }

    mutating func removeAll() {
        for index in 0..<used { buckets[index].count = 0 }
        used = 0
        current = 0
        position = 0
    }

    /// Frees every bucket; the queue is not used afterwards.
    func deallocate() {
        for bucket in buckets { bucket.entries?.deallocate() }
        buckets.deallocate()
    }

    private mutating func addBuckets(through index: Int) {
        if index >= buckets.count {
            let larger = UnsafeMutableBufferPointer<Bucket>.allocate(capacity: max(index + 1, 2 * buckets.count, 64))
            _ = larger.initialize(fromContentsOf: buckets)
            larger[buckets.count...].initialize(repeating: Bucket(entries: nil, count: 0, capacity: 0))
            buckets.deallocate()
            buckets = larger
        }
        used = index + 1
    }

    private mutating func grow(_ index: Int) {
        let old = buckets[index], capacity = max(16, Int(old.capacity) * 2)
        let entries = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
        if let previous = old.entries {
            entries.moveInitialize(from: previous, count: Int(old.count))
            previous.deallocate()
        }
        buckets[index] = Bucket(entries: entries, count: old.count, capacity: Int32(capacity))
    }
}
