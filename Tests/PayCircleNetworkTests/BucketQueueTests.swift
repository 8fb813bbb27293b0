@testable import PayCircleNetwork
import PayCircleSimulation
import Testing

/// The bucket queue manages its own memory: entries must come out bucket by bucket, each pushed entry
/// once, across bucket growth and across searches that reuse the queue after `removeAll`.
@Suite struct BucketQueueTests {
    @Test func entriesComeOutBucketByBucketAcrossGrowthAndReuse() {
        var queue = BucketQueue(width: 1)
        defer { queue.deallocate() }
        var random = SeededGenerator(seed: 11)
        for round in 0..<3 {
            // Thousands of entries in a few hundred buckets, so buckets grow several times; then pops mixed
            // with pushes at or above the current bucket, as a search does.
            var pushed: [(cost: Double, node: Int32)] = []
            for node in 0..<5_000 {
                let cost = Double(random.next() % 300_000) / 1_000 + Double(round)
                pushed.append((cost, Int32(node)))
                queue.push(cost, Int32(node))
            }
            var popped: [(cost: Float, node: Int32)] = []
            var extra = 5_000
            while let entry = queue.pop() {
                popped.append(entry)
                if extra < 6_000 {
                    let cost = queue.floor + Double(random.next() % 5_000) / 1_000
                    pushed.append((cost, Int32(extra)))
                    queue.push(cost, Int32(extra))
                    extra += 1
                }
            }
            #expect(popped.count == pushed.count)
            #expect(Set(popped.map(\.node)) == Set(pushed.map(\.node)))
            // Bucket numbers never go down, and each entry keeps its cost.
            let buckets = popped.map { Int($0.cost) }
            #expect(zip(buckets, buckets.dropFirst()).allSatisfy { $0 <= $1 })
            let costs = Dictionary(uniqueKeysWithValues: pushed.map { ($0.node, Float($0.cost)) })
            #expect(popped.allSatisfy { costs[$0.node] == $0.cost })
            queue.removeAll()
            #expect(queue.pop() == nil)
        }
    }
}
