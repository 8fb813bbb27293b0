import Foundation
import PayCircleCore

/// Per hall and hour of the day (in the hall's time zone), what its queue history says: customers served,
/// the mean wait a newcomer faced, the mean handling time and the mean queue.
///
/// Each report stands for the time until the next report of the same hall, at most `maxReportAge` (a
/// silent machine is not a steady queue). Over that span, summed over services: while people waited every
/// open counter was busy, so `counters × span / handling` customers were served; with nobody waiting the
/// counters' work is not known and counts as none (the figure is a lower bound). The newcomer's wait is
/// ``WaitModel``'s for someone already there, and means are weighted by time.
///
/// ```swift
/// let load = HallLoadReport(reports: try await store.queueReports(from: start, to: end), halls: halls)
/// load.rows   // [(hall, hour, served, mean wait, …)]
/// ```
public struct HallLoadReport: Sendable {
    public struct Row: Sendable, Hashable {
        public var hallID: String
        public var hallName: String
        /// Hour of the day, 0–23, in the hall's time zone.
        public var hour: Int
        public var reports: Int
        /// Seconds of the hour covered by fresh reports (summed over days).
        public var coveredSeconds: Double
        public var served: Double
        public var meanWaitSeconds: Double
        public var meanHandlingSeconds: Double
        public var meanWaiting: Double
    }

    public private(set) var rows: [Row] = []

    public init(reports: [QueueReport], halls: [PaymentPoint], maxReportAge: TimeInterval = WaitModel().maxReportAge, until end: Date) {
        let byID = Dictionary(halls.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        struct Sums { var reports = 0, seconds = 0.0, served = 0.0, wait = 0.0, handling = 0.0, waiting = 0.0 }
        var sums: [String: [Int: Sums]] = [:]
        let byHall = Dictionary(grouping: reports, by: \.hallID)
        for (hallID, history) in byHall {
            let ordered = history.sorted { $0.reportedAt < $1.reportedAt }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: byID[hallID]?.timeZone ?? PaymentPoint.defaultTimeZone) ?? TimeZone(identifier: "Asia/Shanghai")!
            for (position, report) in ordered.enumerated() {
                let next = position + 1 < ordered.count ? ordered[position + 1].reportedAt : end
                // The span is cut at hour boundaries so that each part is counted in its own hour.
                var start = report.reportedAt
                let stop = min(next, report.reportedAt.addingTimeInterval(maxReportAge), end)
                var first = true
                while start < stop {
                    let hourStart = calendar.dateInterval(of: .hour, for: start)!
                    let partEnd = min(stop, hourStart.end)
                    let span = partEnd.timeIntervalSince(start)
                    let hour = calendar.component(.hour, from: start)
                    var sum = sums[hallID, default: [:]][hour, default: Sums()]
                    if first { sum.reports += 1 }
                    sum.seconds += span
                    for queue in report.services.values {
                        if queue.waiting > 0 { sum.served += Double(queue.openCounters) * span / queue.handlingSeconds }
                        let wait = WaitModel.queueWait(queue, walkSeconds: 0).seconds
                        sum.wait += (wait.isFinite ? wait : 0) * span / Double(report.services.count)
                        sum.handling += queue.handlingSeconds * span / Double(report.services.count)
                        sum.waiting += Double(queue.waiting) * span
                    }
                    sums[hallID, default: [:]][hour] = sum
                    start = partEnd
                    first = false
                }
            }
        }
        for (hallID, hours) in sums {
            for (hour, sum) in hours where sum.seconds > 0 {
                rows.append(Row(hallID: hallID, hallName: byID[hallID]?.name ?? hallID, hour: hour, reports: sum.reports, coveredSeconds: sum.seconds,
                                served: sum.served, meanWaitSeconds: sum.wait / sum.seconds, meanHandlingSeconds: sum.handling / sum.seconds,
                                meanWaiting: sum.waiting / sum.seconds))
            }
        }
        rows.sort { ($0.hallID, $0.hour) < ($1.hallID, $1.hour) }
    }
}
