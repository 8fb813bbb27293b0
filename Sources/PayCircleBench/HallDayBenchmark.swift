import ArgumentParser
import Foundation
import PayCircleCore
import PayCircleEngine
import PayCircleSimulation
import PayCircleSpatiaLite
import PayCircleStore

/// Seeded hall days through the engine (``HallDay``), each without and with appointments on the same
/// customers: how often remote tickets are called inside the band given at issue, the error of the
/// expected call, and walk-in waits (mean, and the worst hour's mean).
struct HallDayBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hallday", abstract: "Simulated hall days: ticket estimates against realised calls, and peak shaving by appointments.")

    @Option(help: "First seed; days run with seeds from it.") var seed: UInt64 = 1
    @Option(help: "How many days (seeds).") var days = 5
    @Option(help: "Counters open.") var counters = 4
    @Option(help: "Mean handling seconds.") var handling: Double = 240
    @Option(help: "Share of customers who take a remote ticket.") var remoteShare = 0.2
    @Option(help: "Share of the other customers who book an appointment, in the runs with appointments.") var appointmentShare = 0.25

    func run() async throws {
        var days: [Bool: [HallDay.Result]] = [:]
        print("seed  appts  customers  walk-ins  remote (refused)  booked  in band  MAE (s)  mean walk-in wait (s)  worst hour: mean wait (s)")
        for day in 0..<self.days {
            for share in [0.0, appointmentShare] {
                var settings = HallDay.Settings()
                settings.seed = seed + UInt64(day)
                settings.counters = counters
                settings.handlingSeconds = handling
                settings.remoteShare = remoteShare
                settings.appointmentShare = share
                let result = try await Self.simulate(settings)
                days[share > 0, default: []].append(result)
                let peak = result.peakHour
                print(String(format: "%4d  %5@  %9d  %8d  %6d (%3d)  %6d  %6.1f%%  %7.0f  %21.0f  %02d:00 %.0f", settings.seed, share > 0 ? "on" : "off",
                             result.customers, result.walkIns, result.remoteIssued, result.remoteRefused, result.appointments,
                             result.shareInBand * 100, result.meanAbsoluteError, result.meanWalkInWait, peak.hour, peak.seconds))
            }
        }
        print("\nmedian (range) over \(self.days) days")
        for appointments in [false, true] {
            let results = days[appointments] ?? []
            func summary(_ values: [Double], _ format: String) -> String {
                let sorted = values.sorted()
                guard let low = sorted.first, let high = sorted.last else { return "-" }
                return String(format: format, sorted[sorted.count / 2]) + " (" + String(format: format, low) + "-" + String(format: format, high) + ")"
            }
            print("appointments \(appointments ? "on " : "off"): in band \(summary(results.map { $0.shareInBand * 100 }, "%.1f"))%, "
                  + "MAE \(summary(results.map(\.meanAbsoluteError), "%.0f")) s, mean walk-in wait \(summary(results.map(\.meanWalkInWait), "%.0f")) s, "
                  + "worst hour's mean \(summary(results.map(\.peakHour.seconds), "%.0f")) s")
        }
    }

    /// One day on a fresh SpatiaLite store with one hall open 08:00-18:00 in Dongguan, on 2026-12-01.
    static func simulate(_ settings: HallDay.Settings) async throws -> HallDay.Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paycircle-hallday-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SpatiaLiteStore(path: directory.appendingPathComponent("hall.sqlite").path)
        let hall = PaymentPoint(id: "hall-1", name: "南城营业厅", kind: .hall, services: [.cash], openingHours: OpeningHours("Mo-Su 08:00-18:00"),
                                location: Coordinate(latitude: 23.02, longitude: 113.75))
        try await store.write(PointChange(upserts: [hall]))
        let midnight = Date(timeIntervalSince1970: 1_796_054_400)   // 2026-12-01 00:00 in Dongguan
        let clock = ManualClock(midnight)
        let engine = try await PayCircleEngine.open(store, loading: .queues, clock: clock)
        return try await HallDay(settings).run(engine: engine, clock: clock, hall: hall, day: midnight)
    }
}
