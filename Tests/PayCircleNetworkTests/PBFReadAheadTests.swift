import Foundation
import PayCircleCore
@testable import PayCircleNetwork
import Synchronization
import PayCircleTestSupport
import Testing

/// PBF blocks are read and inflated on a thread of their own ahead of decoding; the elements must come in
/// file order, and an error raised while decoding must end the read with that error, whatever block the
/// thread ahead has reached.
@Suite struct PBFReadAheadTests {
    @Test func elementsComeInFileOrder() throws {
        // Monaco's header declares the order Type_then_ID, and pyosmium counts 180,118 nodes and 27,377 ways.
        var lastNode: Int64 = .min, lastWay: Int64 = .min, nodes = 0, ways = 0, nodeAfterWay = false
        try OSMFileReader(url: Reference.geodata("osm/monaco.osm.pbf")).read(
            node: { node in
                #expect(node.id > lastNode)
                lastNode = node.id
                nodes += 1
                if ways > 0 { nodeAfterWay = true }
            },
            way: { way in
                #expect(way.id > lastWay)
                lastWay = way.id
                ways += 1
            })
        #expect(nodes == 180_118 && ways == 27_377 && !nodeAfterWay)
    }

    /// The element limit throws from inside the decoding of a block: after the first node, in the middle of
    /// the nodes, and at the first way.
    @Test(arguments: [1, 50_000, 180_118])
    func aLimitReachedMidFileEndsTheReadWithItsError(maxFeatures: Int) throws {
        var seen = 0
        let file = Reference.geodata("osm/monaco.osm.pbf")
        let error = #expect(throws: InputError.self) {
            try OSMFileReader(url: file, limits: ImportLimits(maxFileBytes: 1 << 30, maxFeatures: maxFeatures))
                .read(node: { _ in seen += 1 }, way: { _ in seen += 1 })
        }
        #expect(error?.message.contains("nodes and ways") == true && error?.message.hasPrefix("block") == false)
        #expect(seen == maxFeatures)
    }

    /// Taken straight: blocks come in the order put, and a reader that stops early stops the producer,
    /// which then puts no more than the queue holds; stopping twice is harmless.
    @Test func aReaderThatStopsEarlyStopsTheProducer() {
        final class Counter: Sendable { let accepted = Mutex(0) }
        let counter = Counter()
        let blocks = PBFBlockReadAhead(capacity: 2) { put in
            for number in 1...1_000 {
                guard put(.block(number: number, type: "OSMData", data: [])) else { return }
                counter.accepted.withLock { $0 += 1 }
            }
        }
        var taken: [Int] = []
        while taken.count < 3, let item = blocks.next() {
            if case .block(let number, _, _) = item { taken.append(number) }
        }
        blocks.finish()
        blocks.finish()
        #expect(taken == [1, 2, 3])
        #expect(counter.accepted.withLock { $0 } <= 3 + 2)
        #expect(blocks.next() == nil)
    }
}
