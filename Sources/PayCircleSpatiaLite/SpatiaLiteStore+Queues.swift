import Foundation
import PayCircleCore
import PayCircleStore

extension SpatiaLiteStore {
    public func recordQueueReport(_ report: QueueReport) async throws {
        try await pool.write { connection in
            try connection.transaction {
                let insert = try connection.prepare(
                    "INSERT INTO queue_reports (report_id, hall_id, reported_at, service, waiting, counters, handling_s) VALUES (?, ?, ?, ?, ?, ?, ?)")
                for row in QueueReportRow.rows(of: report) {
                    try insert.run([.text(row.reportID), .text(row.hallID), .real(row.reportedAt), .text(row.service), .integer(Int64(row.waiting)),
                                    .integer(Int64(row.counters)), .real(row.handlingSeconds)])
                }
            }
        }
    }

    public func latestQueueReports() async throws -> [QueueReport] {
        try await pool.read { connection in try Self.queueRows(connection.prepare(QueueReportRow.latestSQL)) }
    }

    public func queueReports(from start: Date, to end: Date) async throws -> [QueueReport] {
        try await pool.read { connection in
            let statement = try connection.prepare("""
                SELECT report_id, hall_id, reported_at, service, waiting, counters, handling_s FROM queue_reports
                WHERE reported_at >= ? AND reported_at < ? ORDER BY reported_at, seq
                """)
            statement.bind([.real(start.timeIntervalSince1970), .real(end.timeIntervalSince1970)])
            return try Self.queueRows(statement)
        }
    }

    private static func queueRows(_ statement: SQLiteStatement) throws -> [QueueReport] {
        var rows: [QueueReportRow] = []
        while try statement.step() {
            rows.append(QueueReportRow(reportID: statement.text(0) ?? "", hallID: statement.text(1) ?? "", reportedAt: statement.double(2),
                                       service: statement.text(3) ?? "", waiting: Int(statement.int(4)), counters: Int(statement.int(5)),
                                       handlingSeconds: statement.double(6)))
        }
        return QueueReportRow.reports(rows)
    }
}
