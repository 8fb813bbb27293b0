import ArgumentParser
import Foundation
import PayCircleCore
import PayCircleEngine
import PayCircleSimulation
import PayCircleSpatiaLite
import PayCircleStore

/// Seeded hall days through the engine (``HallDay``), run one after another on one store per arm so that
/// forecasts read the days before: without appointments, with appointments at a set capacity per slot,
/// and with slots fitted to the forecast, all on the same customers. Reports how often remote tickets are
/// called inside the band given at issue, the error of the expected call, and walk-in waits (mean, and
/// the worst hour's mean) over the days after a warm-up.
struct HallDayBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hallday", abstract: "Simulated hall days: ticket estimates against realised calls, and peak shaving by appointments.")

    @Option(help: "First seed; days run with seeds from it.") var seed: UInt64 = 1
    @Option(help: "How many days are measured.") var days = 5
    @Option(help: "Days run first to build the queue history, not measured.") var warmUp = 7
    @Option(help: "Counters open.") var counters = 4
    @Option(help: "Mean handling seconds.") var handling: Double = 240
    @Option(help: "Share of customers who take a remote ticket.") var remoteShare = 0.2
    @Option(help: "Share of the other customers who book an appointment, in the runs with appointments.") var appointmentShare = 0.25
    @Option(help: "Bookings a half-hour slot takes.") var slotCapacity = 6

    /// One way of running the hall.
    enum Arm: String, CaseIterable {
        case none = "no appointments", set = "appointments, set capacity", fitted = "appointments fitted to forecast"
    }

    func run() async throws {
        var results: [Arm: [HallDay.Result]] = [:]
        print("arm                              day  seed  customers  walk-ins  remote (refused)  booked (unbooked)  in band  MAE (s)  mean walk-in wait (s)  worst hour: mean wait (s)")
        for arm in Arm.allCases {
            let hallDays = try await HallDays()
            defer { hallDays.remove() }
            for day in 0..<(warmUp + days) {
                var settings = HallDay.Settings()
                settings.seed = seed + UInt64(day)
                settings.counters = counters
                settings.handlingSeconds = handling
                settings.remoteShare = remoteShare
                settings.appointmentShare = arm == .none ? 0 : appointmentShare
                settings.slotCapacity = slotCapacity
                settings.fitToForecast = arm == .fitted
                let result = try await hallDays.run(settings, day: day)
                guard day >= warmUp else { continue }
                results[arm, default: []].append(result)
                let peak = result.peakHour
                print(String(format: "%-32@ %3d  %4d  %9d  %8d  %6d (%3d)  %6d (%3d)       %6.1f%%  %7.0f  %21.0f  %02d:00 %.0f", arm.rawValue, day, settings.seed,
                             result.customers, result.walkIns, result.remoteIssued, result.remoteRefused, result.appointments, result.unbooked,
                             result.shareInBand * 100, result.meanAbsoluteError, result.meanWalkInWait, peak.hour, peak.seconds))
            }
        }
        print("\nmedian (range) over \(days) days after \(warmUp) of warm-up")
        for arm in Arm.allCases {
            let results = results[arm] ?? []
            func summary(_ values: [Double], _ format: String) -> String {
                let sorted = values.sorted()
                guard let low = sorted.first, let high = sorted.last else { return "-" }
                return String(format: format, sorted[sorted.count / 2]) + " (" + String(format: format, low) + "-" + String(format: format, high) + ")"
            }
            print("\(arm.rawValue): booked \(summary(results.map { Double($0.appointments) }, "%.0f")), in band \(summary(results.map { $0.shareInBand * 100 }, "%.1f"))%, "
                  + "MAE \(summary(results.map(\.meanAbsoluteError), "%.0f")) s, mean walk-in wait \(summary(results.map(\.meanWalkInWait), "%.0f")) s, "
                  + "worst hour's mean \(summary(results.map(\.peakHour.seconds), "%.0f")) s")
        }
        print("\nwalk-in wait by hour of arrival, mean over all \(days) days (s)")
        print("hour   " + Arm.allCases.map { $0.rawValue.padding(toLength: 32, withPad: " ", startingAt: 0) }.joined())
        for hour in 8..<18 {
            let means = Arm.allCases.map { arm -> String in
                let waits = (results[arm] ?? []).flatMap { $0.walkInWaits[hour] ?? [] }
                let mean = waits.isEmpty ? Double.nan : waits.reduce(0, +) / Double(waits.count)
                return String(format: "%6.0f (%4d walk-ins)", mean, waits.count).padding(toLength: 32, withPad: " ", startingAt: 0)
            }
            print(String(format: "%02d:00  ", hour) + means.joined())
        }
    }

    /// One hall open 08:00-18:00 in Dongguan on a SpatiaLite store of its own, whose days run from
    /// 2026-12-01 on.
    struct HallDays {
        static let firstMidnight = Date(timeIntervalSince1970: 1_796_054_400)   // 2026-12-01 00:00 in Dongguan
        let directory: URL
        let engine: PayCircleEngine
        let clock = ManualClock(Self.firstMidnight)
        let hall = PaymentPoint(id: "hall-1", name: "南城营业厅", kind: .hall, services: [.cash], openingHours: OpeningHours("Mo-Su 08:00-18:00"),
                                location: Coordinate(latitude: 23.02, longitude: 113.75))

        init() async throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("paycircle-hallday-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let store = try SpatiaLiteStore(path: directory.appendingPathComponent("hall.sqlite").path)
            try await store.write(PointChange(upserts: [hall]))
            engine = try await PayCircleEngine.open(store, loading: .queues, clock: clock)
        }

        func run(_ settings: HallDay.Settings, day: Int) async throws -> HallDay.Result {
            try await HallDay(settings).run(engine: engine, clock: clock, hall: hall, day: Self.firstMidnight.addingTimeInterval(Double(day) * 86_400))
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }
}
