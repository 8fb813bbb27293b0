import Foundation
import PayCircleCore
import PayCirclePlanning
import Testing

/// The planners' hall load report over a scripted queue history with known answers.
@Suite struct HallLoadReportTests {
    static func at(_ time: String) -> Date { PointRecord.parseTimestamp("2026-11-24T\(time)+08:00")! }
    static let hall = PaymentPoint(id: "h", name: "南城营业厅", kind: .hall, location: Coordinate(latitude: 23, longitude: 113.7))

    static func report(_ moment: Date, waiting: Int, counters: Int = 2, handling: Double = 120) -> QueueReport {
        QueueReport(hallID: "h", reportedAt: moment, services: [.cash: ServiceQueue(waiting: waiting, openCounters: counters, handlingSeconds: handling)])
    }

    @Test func servedWaitsAndHandlingByHour() throws {
        var reports: [QueueReport] = []
        // 09:00-10:00 every minute: 4 waiting at 2 counters of 120 s — all counters busy, 60 served, a
        // newcomer waits for the 5th departure at 1/60 s: 300 s.
        for minute in 0..<60 { reports.append(Self.report(Self.at("09:00:00").addingTimeInterval(Double(minute) * 60), waiting: 4)) }
        // 10:00-10:30: nobody waiting at 100 s counters: nothing counted as served, no wait.
        for minute in 0..<30 { reports.append(Self.report(Self.at("10:00:00").addingTimeInterval(Double(minute) * 60), waiting: 0, handling: 100)) }
        // 12:00, then silence until 12:20: only the first 300 s count.
        reports.append(Self.report(Self.at("12:00:00"), waiting: 1, counters: 1, handling: 60))
        reports.append(Self.report(Self.at("12:20:00"), waiting: 1, counters: 1, handling: 60))
        // 13:58 to 14:02 across the hour: 120 s in each hour.
        reports.append(Self.report(Self.at("13:58:00"), waiting: 3, counters: 1, handling: 60))
        reports.append(Self.report(Self.at("14:02:00"), waiting: 0))
        let load = HallLoadReport(reports: reports.shuffled(), halls: [Self.hall], until: Self.at("14:04:00"))
        let byHour = Dictionary(uniqueKeysWithValues: load.rows.map { ($0.hour, $0) })
        #expect(load.rows.map(\.hour) == [9, 10, 12, 13, 14])

        let nine = try #require(byHour[9])
        #expect(nine.reports == 60 && nine.coveredSeconds == 3_600 && nine.hallName == "南城营业厅")
        #expect(abs(nine.served - 60) < 1e-9 && abs(nine.meanWaitSeconds - 300) < 1e-6 && nine.meanHandlingSeconds == 120 && nine.meanWaiting == 4)

        let ten = try #require(byHour[10])
        // 29 reports of a minute each, and the 10:29 one for its 300 s of freshness (until 10:34): 2,040 s.
        #expect(ten.reports == 30 && ten.coveredSeconds == 2_040 && ten.served == 0 && ten.meanWaitSeconds == 0 && ten.meanHandlingSeconds == 100)

        let noon = try #require(byHour[12])
        // 12:00 for 300 s (1 served per 60 s: 5), then 12:20 for 300 s: 600 s and 10 served; k = 2 at 1/60 s: 120 s wait.
        #expect(noon.reports == 2 && noon.coveredSeconds == 600 && abs(noon.served - 10) < 1e-9 && abs(noon.meanWaitSeconds - 120) < 1e-6)

        let one = try #require(byHour[13]), two = try #require(byHour[14])
        #expect(one.coveredSeconds == 120 && abs(one.served - 2) < 1e-9 && one.reports == 1)
        // 14:00-14:02 still the 13:58 report (2 served), then 14:02-14:04 with nobody waiting.
        #expect(two.coveredSeconds == 240 && abs(two.served - 2) < 1e-9 && two.reports == 1)

        let svg = load.svg
        #expect(svg.hasPrefix("<svg") && svg.contains("南城营业厅") && svg.components(separatedBy: "<path").count - 1 == 5)
        let json = try JSONSerialization.jsonObject(with: Data(load.jsonBytes)) as? [String: Any]
        #expect(((json?["halls"] as? [[String: Any]])?.first?["hours"] as? [[String: Any]])?.count == 5)
    }
}
