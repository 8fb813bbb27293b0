import Foundation
import PayCircleCore
import Synchronization

/// The newest queue report of each hall, kept in memory for ranking and written to the store's history
/// first.
///
/// ```swift
/// let board = try await QueueBoard.loading(store)
/// try await board.record(report)
/// board.report(for: "hall-1")   // the newest, however old: WaitModel decides whether it is fresh
/// ```
public final class QueueBoard: Sendable {
    public let store: any QueueReportRepository
    private let latest: Mutex<[String: QueueReport]>

    /// A board over `store` starting from `reports` (by default none).
    public init(store: any QueueReportRepository, reports: [QueueReport] = []) {
        self.store = store
        latest = Mutex(Dictionary(reports.map { ($0.hallID, $0) }, uniquingKeysWith: { $1 }))
    }

    /// A board starting from the newest report of each hall in `store`.
    public static func loading(_ store: any QueueReportRepository) async throws -> QueueBoard {
        QueueBoard(store: store, reports: try await store.latestQueueReports())
    }

    /// Adds `report` to the store's history and, unless an even newer one is already known, makes it
    /// the hall's current state.
    public func record(_ report: QueueReport) async throws {
        try await store.recordQueueReport(report)
        latest.withLock { reports in
            if let known = reports[report.hallID], known.reportedAt > report.reportedAt { return }
            reports[report.hallID] = report
        }
    }

    /// Reads every hall's newest report again (after another instance recorded one).
    public func reload() async throws {
        let reports = try await store.latestQueueReports()
        latest.withLock { $0 = Dictionary(reports.map { ($0.hallID, $0) }, uniquingKeysWith: { $1 }) }
    }

    public func report(for hallID: String) -> QueueReport? {
        latest.withLock { $0[hallID] }
    }
}
