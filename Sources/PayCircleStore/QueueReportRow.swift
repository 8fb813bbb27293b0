import Foundation
import PayCircleCore

/// One service of one queue report, as both stores keep it: a row per service, times as Unix seconds, the
/// rows of one report sharing a `reportID`.
package struct QueueReportRow: Sendable {
    package var reportID: String
    package var hallID: String
    package var reportedAt: Double
    package var service: String
    package var waiting: Int
    package var counters: Int
    package var handlingSeconds: Double
    package var servedToday: Int?

    package init(reportID: String, hallID: String, reportedAt: Double, service: String, waiting: Int, counters: Int, handlingSeconds: Double,
                 servedToday: Int?) {
        self.reportID = reportID
        self.hallID = hallID
        self.reportedAt = reportedAt
        self.service = service
        self.waiting = waiting
        self.counters = counters
        self.handlingSeconds = handlingSeconds
        self.servedToday = servedToday
    }

    /// The rows of `report`.
    package static func rows(of report: QueueReport) -> [QueueReportRow] {
        let reportID = UUID().uuidString
        return report.services.sorted { $0.key.rawValue < $1.key.rawValue }.map {
            QueueReportRow(reportID: reportID, hallID: report.hallID, reportedAt: report.reportedAt.timeIntervalSince1970, service: $0.key.rawValue,
                           waiting: $0.value.waiting, counters: $0.value.openCounters, handlingSeconds: $0.value.handlingSeconds,
                           servedToday: $0.value.servedToday)
        }
    }

    /// Reports from rows in time order, the rows of each report together.
    package static func reports(_ rows: [QueueReportRow]) -> [QueueReport] {
        var reports: [QueueReport] = []
        var currentID: String?
        for row in rows {
            guard let service = PaymentService(rawValue: row.service) else { continue }
            let queue = ServiceQueue(waiting: row.waiting, openCounters: row.counters, handlingSeconds: row.handlingSeconds, servedToday: row.servedToday)
            if row.reportID == currentID {
                reports[reports.count - 1].services[service] = queue
            } else {
                reports.append(QueueReport(hallID: row.hallID, reportedAt: Date(timeIntervalSince1970: row.reportedAt), services: [service: queue]))
                currentID = row.reportID
            }
        }
        return reports
    }

    /// The columns of a report row, in the order both stores select them.
    package static let columns = "report_id, hall_id, reported_at, service, waiting, counters, handling_s, served_today"

    /// The SQL both stores run for the newest report of each hall (columns as ``columns``).
    package static let latestSQL = """
        SELECT \(columns) FROM queue_reports AS q
        WHERE report_id = (SELECT report_id FROM queue_reports WHERE hall_id = q.hall_id ORDER BY reported_at DESC, seq DESC LIMIT 1)
        ORDER BY reported_at, seq
        """
}
