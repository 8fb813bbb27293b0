import Foundation
import PayCircleCore
import PayCircleStore

extension SpatiaLiteStore {
    public func recordQueueReport(_ report: QueueReport) async throws {
        try await pool.write { connection in
            try connection.transaction {
                let insert = try connection.prepare(
                    "INSERT INTO queue_reports (\(QueueReportRow.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                for row in QueueReportRow.rows(of: report) {
                    try insert.run([.text(row.reportID), .text(row.hallID), .real(row.reportedAt), .text(row.service), .integer(Int64(row.waiting)),
                                    .integer(Int64(row.counters)), .real(row.handlingSeconds), row.servedToday.map { .integer(Int64($0)) } ?? .null])
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
                SELECT \(QueueReportRow.columns) FROM queue_reports
                WHERE reported_at >= ? AND reported_at < ? ORDER BY reported_at, seq
                """)
            statement.bind([.real(start.timeIntervalSince1970), .real(end.timeIntervalSince1970)])
            return try Self.queueRows(statement)
        }
    }

    public func queueReports(hallID: String, from start: Date, to end: Date) async throws -> [QueueReport] {
        try await pool.read { connection in
            let statement = try connection.prepare("""
                SELECT \(QueueReportRow.columns) FROM queue_reports
                WHERE hall_id = ? AND reported_at >= ? AND reported_at < ? ORDER BY reported_at, seq
                """)
            statement.bind([.text(hallID), .real(start.timeIntervalSince1970), .real(end.timeIntervalSince1970)])
            return try Self.queueRows(statement)
        }
    }

    private static func queueRows(_ statement: SQLiteStatement) throws -> [QueueReport] {
        var rows: [QueueReportRow] = []
        while try statement.step() {
            rows.append(QueueReportRow(reportID: statement.text(ReportColumn.reportID) ?? "", hallID: statement.text(ReportColumn.hallID) ?? "",
                                       reportedAt: statement.double(ReportColumn.reportedAt), service: statement.text(ReportColumn.service) ?? "",
                                       waiting: Int(statement.int(ReportColumn.waiting)), counters: Int(statement.int(ReportColumn.counters)),
                                       handlingSeconds: statement.double(ReportColumn.handlingSeconds),
                                       servedToday: statement.text(ReportColumn.servedToday) == nil ? nil : Int(statement.int(ReportColumn.servedToday))))
        }
        return QueueReportRow.reports(rows)
    }

    /// The columns of ``QueueReportRow/columns``, by name.
    private enum ReportColumn: Int32, SelectedColumn {
        case reportID, hallID, reportedAt, service, waiting, counters, handlingSeconds, servedToday

        var sql: String {
            switch self {
            case .reportID: "report_id"
            case .hallID: "hall_id"
            case .reportedAt: "reported_at"
            case .handlingSeconds: "handling_s"
            case .servedToday: "served_today"
            default: "\(self)"
            }
        }
    }
}
