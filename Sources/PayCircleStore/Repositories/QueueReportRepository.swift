import Foundation
import PayCircleCore

/// The history of halls' queue reports (telemetry: kept, not audited).
public protocol QueueReportRepository: Sendable {
    /// Adds a hall's queue report to the history.
    func recordQueueReport(_ report: QueueReport) async throws
    /// The newest report of each hall.
    func latestQueueReports() async throws -> [QueueReport]
    /// Every report made from `start` up to (not including) `end`, oldest first.
    func queueReports(from start: Date, to end: Date) async throws -> [QueueReport]
    /// The reports of one hall made from `start` up to (not including) `end`, oldest first.
    func queueReports(hallID: String, from start: Date, to end: Date) async throws -> [QueueReport]
}
