import Foundation
import PayCircleCore
import PayCircleStore
import PayCircleTestSupport
import Testing

/// Writes through one registry from many tasks at once, as HTTP handlers make them: every write is
/// published once, and the index ends as the store does, point by point.
@Suite struct ConcurrentWriteTests {
    @Test(arguments: TestStore.Kind.available) func theIndexEndsAsTheStoreDoes(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let kiosks = (0..<8).map { n in
            PaymentPoint(id: "kiosk-\(n)", name: "自助终端\(n)", kind: .kiosk, updatedAt: Date(timeIntervalSince1970: 1_790_000_000),
                         location: Coordinate(latitude: 23 + Double(n) * 0.001, longitude: 113.7))
        }
        let registry = try await PointRegistry(store: test.store)
        try await registry.apply(PointChange(upserts: kiosks))
        let before = registry.version
        let statuses = PointStatus.allCases
        try await withThrowingTaskGroup(of: Void.self) { group in
            for write in 0..<160 {
                group.addTask {
                    var kiosk = kiosks[write % kiosks.count]
                    kiosk.status = statuses[(write / kiosks.count) % statuses.count]
                    try await registry.apply(PointChange(upserts: [kiosk]))
                }
            }
            try await group.waitForAll()
        }
        #expect(registry.version == before + 160)
        let stored = try await test.store.loadPoints()
        #expect(stored.count == kiosks.count)
        for point in stored { #expect(registry.point(id: point.id) == point, "\(point.id)") }
    }
}
