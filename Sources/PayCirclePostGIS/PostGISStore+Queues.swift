import Foundation
import PayCircleCore
import PayCircleStore
import PostgresNIO

extension PostGISStore {
    public func recordQueueReport(_ report: QueueReport) async throws {
        let rows = QueueReportRow.rows(of: report)
        try await database.transaction { transaction in
            try await transaction.query("""
            INSERT INTO queue_reports (\(unescaped: QueueReportRow.columns))
            SELECT report, hall, at, service, waiting, counters, handling, NULLIF(served, -1)
            FROM unnest(\(rows.map(\.reportID)), \(rows.map(\.hallID)), \(rows.map(\.reportedAt)), \(rows.map(\.service)),
                        \(rows.map { Int32($0.waiting) }), \(rows.map { Int32($0.counters) }), \(rows.map(\.handlingSeconds)),
                        \(rows.map { Int32($0.servedToday ?? -1) })) AS t(report, hall, at, service, waiting, counters, handling, served)
            """)
            try await PointNotice(upserts: [], removed: [], layers: false, queues: [report.hallID]).send(in: transaction)
        }
    }

    public func latestQueueReports() async throws -> [QueueReport] {
        QueueReportRow.reports(try await database.map(PostgresQuery(unsafeSQL: QueueReportRow.latestSQL), Self.queueRow))
    }

    public func queueReports(from start: Date, to end: Date) async throws -> [QueueReport] {
        QueueReportRow.reports(try await database.map("""
            SELECT \(unescaped: QueueReportRow.columns) FROM queue_reports
            WHERE reported_at >= \(start.timeIntervalSince1970) AND reported_at < \(end.timeIntervalSince1970)
            ORDER BY reported_at, seq
            """, Self.queueRow))
    }

    public func queueReports(hallID: String, from start: Date, to end: Date) async throws -> [QueueReport] {
        QueueReportRow.reports(try await database.map("""
            SELECT \(unescaped: QueueReportRow.columns) FROM queue_reports
            WHERE hall_id = \(hallID) AND reported_at >= \(start.timeIntervalSince1970) AND reported_at < \(end.timeIntervalSince1970)
            ORDER BY reported_at, seq
            """, Self.queueRow))
    }

    @Sendable private static func queueRow(_ row: PostgresRow) throws -> QueueReportRow {
        let (report, hall, at, service, waiting, counters, handling, served) =
            try row.decode((String, String, Double, String, Int32, Int32, Double, Int32?).self)
        return QueueReportRow(reportID: report, hallID: hall, reportedAt: at, service: service, waiting: Int(waiting), counters: Int(counters),
                              handlingSeconds: handling, servedToday: served.map(Int.init))
    }
}
