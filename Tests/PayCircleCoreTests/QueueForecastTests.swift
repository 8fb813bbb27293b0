import Foundation
import PayCircleCore
import Testing

/// A forecast from a hand-made history at a 24/7 hall in Dongguan (UTC+8), figures worked by hand: on
/// Monday 30 November 09:00 four wait at two counters of 120 s (a walk-in's wait 5 × 60 = 300 s), at 09:10
/// six (420 s) with four more served (6 arrivals in 600 s: 36 an hour), at 09:40 none (0 s, and after a
/// 30-minute gap no arrivals are read); a week later at 09:05 two (180 s). Mondays 09:00 average 225 s
/// over four reports. Tuesday 14:00 one at one counter of 60 s (120 s). Counts across midnight are not
/// read as arrivals.
@Suite struct QueueForecastTests {
    static let monday9 = Date(timeIntervalSince1970: 1_796_000_400)   // 2026-11-30 09:00 +08:00
    static let hall = PaymentPoint(id: "hall-1", name: "南城营业厅", kind: .hall, services: [.cash], openingHours: OpeningHours("24/7"),
                                   location: Coordinate(latitude: 23.02, longitude: 113.75))

    static func report(_ at: Date, waiting: Int, counters: Int = 2, handling: Double = 120, served: Int? = nil) -> QueueReport {
        QueueReport(hallID: "hall-1", reportedAt: at, services: [.cash: ServiceQueue(waiting: waiting, openCounters: counters, handlingSeconds: handling, servedToday: served)])
    }

    static let history = [
        report(monday9, waiting: 4, served: 10),
        report(monday9.addingTimeInterval(600), waiting: 6, served: 14),
        report(monday9.addingTimeInterval(2_400), waiting: 0, served: 30),
        report(monday9.addingTimeInterval(14 * 3_600 + 55 * 60), waiting: 3, counters: 1, handling: 60, served: 100),   // 23:55
        report(monday9.addingTimeInterval(15 * 3_600 + 5 * 60), waiting: 1, counters: 1, handling: 60, served: 2),      // Tue 00:05
        report(monday9.addingTimeInterval(29 * 3_600), waiting: 1, counters: 1, handling: 60),                          // Tue 14:00
        report(monday9.addingTimeInterval(7 * 86_400 + 300), waiting: 2),                                               // Mon 09:05
        QueueReport(hallID: "hall-2", reportedAt: monday9, services: [.cash: ServiceQueue(waiting: 50, openCounters: 1, handlingSeconds: 60)]),
    ]

    @Test func hoursOfTheWeekFromTheHistory() throws {
        let forecast = QueueForecast(reports: Self.history, hall: Self.hall, service: .cash)
        let monday = try #require(forecast.hour(weekday: 0, hour: 9))
        #expect(monday.reports == 4 && abs((monday.waitSeconds ?? 0) - 225) < 1e-9)
        #expect(abs((monday.arrivalsPerHour ?? 0) - 36) < 1e-9 && monday.servingPerHour == 60)
        let tuesday = try #require(forecast.hour(weekday: 1, hour: 14))
        #expect(tuesday.waitSeconds == 120 && tuesday.arrivalsPerHour == nil && tuesday.servingPerHour == 60)
        #expect(forecast.hour(weekday: 1, hour: 0)?.arrivalsPerHour == nil)
        #expect(forecast.hours.map { "\($0.weekday)-\($0.hour)" } == ["0-9", "0-23", "1-0", "1-14"])
        #expect(QueueForecast(reports: Self.history, hall: Self.hall, service: .business).hours.isEmpty)
    }

    /// On Monday 7 December at 08:30 the rest of the day has history for 09:00 and 23:00: 09:00 (225 s)
    /// is quieter than 23:00 (4 × 60 = 240 s).
    @Test func todaysQuietestHours() {
        let forecast = QueueForecast(reports: Self.history, hall: Self.hall, service: .cash)
        let quietest = forecast.quietest(on: Date(timeIntervalSince1970: 1_796_603_400), count: 3)
        #expect(quietest.map(\.hour) == [9, 23])
        #expect(forecast.quietest(on: Date(timeIntervalSince1970: 1_796_603_400 + 2 * 3_600), count: 3).map(\.hour) == [23])
    }

    /// Next Monday the counters' 60 an hour less the 36 arrivals leave 24 spare an hour: 12 in 09:00-09:30,
    /// 6 in 09:45-10:00; nothing is known of 10:00, so a stretch into it has no figure, and neither has
    /// Tuesday 14:00, whose arrivals are unknown. Ten minutes of an hour with more arrivals than the counters
    /// serve add nothing.
    @Test func spareCapacityOfAStretch() throws {
        let forecast = QueueForecast(reports: Self.history, hall: Self.hall, service: .cash)
        let nextMonday9 = Self.monday9.addingTimeInterval(7 * 86_400)
        #expect(forecast.spareCapacity(from: nextMonday9, to: nextMonday9.addingTimeInterval(1_800)).map { abs($0 - 12) < 1e-9 } == true)
        #expect(forecast.spareCapacity(from: nextMonday9.addingTimeInterval(2_700), to: nextMonday9.addingTimeInterval(3_600)).map { abs($0 - 6) < 1e-9 } == true)
        #expect(forecast.spareCapacity(from: nextMonday9.addingTimeInterval(1_800), to: nextMonday9.addingTimeInterval(5_400)) == nil)
        #expect(forecast.spareCapacity(from: nextMonday9.addingTimeInterval(29 * 3_600), to: nextMonday9.addingTimeInterval(29 * 3_600 + 1_800)) == nil)
        let busy = QueueForecast(reports: [Self.report(Self.monday9, waiting: 4, served: 10), Self.report(Self.monday9.addingTimeInterval(600), waiting: 10, served: 20)],
                                 hall: Self.hall, service: .cash)   // 16 arrivals in 600 s: 96 an hour
        #expect(busy.spareCapacity(from: nextMonday9, to: nextMonday9.addingTimeInterval(600)) == 0)
    }
}
