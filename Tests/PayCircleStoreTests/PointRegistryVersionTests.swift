import Foundation
import PayCircleCore
import PayCircleStore
import PayCircleTestSupport
import Testing

/// The registry's data version moves with every published change, and what is derived from all points is
/// computed once per version.
@Suite struct PointRegistryVersionTests {
    @Test func everyChangeAdvancesTheVersionAndSortedPointsAreKeptPerVersion() async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        try await test.store.write(PointChange(upserts: ["h3", "h1", "h2"].map { PointStoreTests.hall($0) }))
        let registry = try await PointRegistry(store: test.store)
        let first = registry.version
        #expect(registry.snapshot.version == first && registry.snapshot.index.count == 3)

        let sorted = registry.sortedPoints()
        #expect(sorted.map(\.id) == ["h1", "h2", "h3"])
        // The same version gives the same array, shared rather than sorted again.
        #expect(Self.sameStorage(sorted, registry.sortedPoints()))
        var computed = 0
        let ids = registry.derived("ids") { points -> [String] in
            computed += 1
            return points.map(\.id)
        }
        _ = registry.derived("ids") { points -> [String] in
            computed += 1
            return points.map(\.id)
        }
        #expect(ids == ["h1", "h2", "h3"] && computed == 1)

        try await registry.apply(PointChange(upserts: [PointStoreTests.hall("h0")], deletions: ["h2"]))
        let afterApply = registry.version
        #expect(afterApply > first)
        #expect(registry.sortedPoints().map(\.id) == ["h0", "h1", "h3"])
        #expect(registry.derived("ids") { $0.map(\.id) } == ["h0", "h1", "h3"])

        // Another instance's write, seen through the change feed's refresh, then a full reload.
        try await test.store.write(PointChange(upserts: [PointStoreTests.hall("h9")]))
        try await registry.refresh(ids: ["h9"], removed: [])
        let afterRefresh = registry.version
        #expect(afterRefresh > afterApply)
        #expect(registry.sortedPoints().map(\.id) == ["h0", "h1", "h3", "h9"])
        try await registry.reload()
        #expect(registry.version > afterRefresh)
        let (index, version) = registry.snapshot
        #expect(version == registry.version && index.allPoints.map(\.id) == registry.sortedPoints().map(\.id))
        // Old answers stay as they were.
        #expect(sorted.map(\.id) == ["h1", "h2", "h3"])
    }

    @Test func concurrentReadersAndWritersSeeMatchingVersions() async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        let registry = try await PointRegistry(store: test.store)
        let start = registry.version
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for index in 0..<40 { _ = try? await registry.apply(PointChange(upserts: [PointStoreTests.hall("p\(index)")])) }
            }
            for _ in 0..<3 {
                group.addTask {
                    var last = start
                    for _ in 0..<200 {
                        let (index, version) = registry.snapshot
                        #expect(version >= last)
                        last = version
                        // Each write adds one point, so the version and the count move together.
                        #expect(index.count == Int(version - start))
                        let sorted = registry.sortedPoints()
                        #expect(sorted.map(\.id) == sorted.map(\.id).sorted())
                    }
                }
            }
        }
        #expect(registry.sortedPoints().count == 40)
    }

    static func sameStorage(_ a: [PaymentPoint], _ b: [PaymentPoint]) -> Bool {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
    }
}
