import Foundation
import PayCircleCore
import PayCircleStore
import PayCircleTestSupport
import Testing

/// The queue-report history in either store: every report kept, the newest per hall, ranges by time.
@Suite struct QueueReportStorageTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_000_000.25)

    @Test(arguments: TestStore.Kind.available) func keepsTheHistoryAndFindsTheNewestPerHall(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let store = test.store
        #expect(try await store.latestQueueReports().isEmpty)
        let first = QueueReport(hallID: "南城", reportedAt: Self.t0, services: [
            .cash: ServiceQueue(waiting: 4, openCounters: 2, handlingSeconds: 120.5),
            .business: ServiceQueue(waiting: 1, openCounters: 1, handlingSeconds: 300),
        ])
        let later = QueueReport(hallID: "南城", reportedAt: Self.t0.addingTimeInterval(60), services: [.cash: ServiceQueue(waiting: 2, openCounters: 3, handlingSeconds: 110)])
        let other = QueueReport(hallID: "东城", reportedAt: Self.t0.addingTimeInterval(30), services: [.cash: ServiceQueue(waiting: 0, openCounters: 1, handlingSeconds: 90)])
        for report in [first, other, later] { try await store.recordQueueReport(report) }

        #expect(try await store.latestQueueReports() == [other, later])
        #expect(try await store.queueReports(from: Self.t0, to: Self.t0.addingTimeInterval(60)) == [first, other])
        #expect(try await store.queueReports(from: Self.t0.addingTimeInterval(1), to: Self.t0.addingTimeInterval(3_600)) == [other, later])
        #expect(try await test.reopen().latestQueueReports() == [other, later])
    }
}
