import Foundation
import PayCircleCore
import Synchronization

/// The newest queue report of each hall, kept in memory for ranking and written to the store's history
/// first, and the remote tickets waiting in each hall's queues, which a walk-in finds ahead too.
///
/// ```swift
/// let board = try await QueueBoard.loading(store)
/// try await board.record(report)
/// board.report(for: "hall-1")   // the newest, however old: WaitModel decides whether it is fresh
/// board.queue(for: "hall-1")    // the same with the remote tickets still waiting added to each service
/// ```
public final class QueueBoard: Sendable {
    public let store: any QueueReportRepository
    private let latest: Mutex<[String: QueueReport]>
    private let remote = Mutex<[String: [PaymentService: Int]]>([:])

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

    /// The queue a walk-in joins: the hall's newest report with the remote tickets still waiting for each
    /// service added to those the hall counted.
    public func queue(for hallID: String) -> QueueReport? {
        guard var report = report(for: hallID) else { return nil }
        let tickets = remote.withLock { $0[hallID] ?? [:] }
        for (service, count) in tickets where report.services[service] != nil { report.services[service]!.waiting += count }
        return report
    }

    /// Remote tickets waiting for `service` at `hallID`, as last counted.
    public func remoteWaiting(hallID: String, service: PaymentService) -> Int {
        remote.withLock { $0[hallID]?[service] ?? 0 }
    }

    /// Counts the remote tickets waiting anew from `tickets` (every waiting ticket of every hall).
    public func countRemote(_ tickets: [QueueTicket]) {
        var counts: [String: [PaymentService: Int]] = [:]
        for ticket in tickets where ticket.status == .waiting { counts[ticket.hallID, default: [:]][ticket.service, default: 0] += 1 }
        remote.withLock { $0 = counts }
    }

    /// One more (`by: 1`) or one fewer (`by: -1`) remote ticket waiting for `service` at `hallID`.
    public func adjustRemote(hallID: String, service: PaymentService, by change: Int) {
        remote.withLock { counts in counts[hallID, default: [:]][service] = max(0, (counts[hallID]?[service] ?? 0) + change) }
    }
}
