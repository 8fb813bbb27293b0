import Foundation
import PayCircleCore
import PayCircleEngine
import PayCircleStore
import PayCircleTestSupport
import Testing

/// The control room's picture on either store, worked by hand on 1 December 2026 in Dongguan: hall-1
/// (grade A, two counters of 120 s) reports ten served at 09:00 and twenty-five at 10:10 with thirty
/// waiting (a wait of 31 × 60 s, over the 20-minute alert); kiosk-1-a counts 100 transactions at 09:00,
/// 130 at 09:30 and 150 at 10:05 and 10:10 (30 in the 09:00 hour, 20 in the 10:00 hour); kiosk-1-b reports a fault
/// at 09:00 and is silent from then on, down over ten minutes by 10:10.
@Suite struct DashboardTests {
    static let nine = DeviceTests.nine

    @Test(arguments: TestStore.Kind.available) func theFourThemesAndTheAlerts(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let clock = ManualClock(Self.nine)
        let engine = try await EngineRulesTests.engine(test, clock: clock)
        let admin = DeviceTests.admin
        for id in ["kiosk-1-a", "kiosk-1-b"] { try await engine.saveDevice(DeviceTests.record(id), replacing: false, by: admin) }
        func report(waiting: Int, served: Int) async throws {
            _ = try await engine.record(QueueReport(hallID: "hall-1", reportedAt: clock.now, services: [
                .cash: ServiceQueue(waiting: waiting, openCounters: 2, handlingSeconds: 120, servedToday: served),
            ]))
        }
        try await report(waiting: 4, served: 10)
        _ = try await engine.heartbeat(deviceID: "kiosk-1-a", Heartbeat(health: .ok, counters: ["transactions": 100]), by: admin)
        _ = try await engine.heartbeat(deviceID: "kiosk-1-b", Heartbeat(health: .fault, fault: "card_reader"), by: admin)
        clock.set(Self.nine.addingTimeInterval(1_800))
        _ = try await engine.heartbeat(deviceID: "kiosk-1-a", Heartbeat(health: .ok, counters: ["transactions": 130]), by: admin)
        clock.set(Self.nine.addingTimeInterval(3_900))
        _ = try await engine.heartbeat(deviceID: "kiosk-1-a", Heartbeat(health: .ok, counters: ["transactions": 150]), by: admin)
        clock.set(Self.nine.addingTimeInterval(4_200))
        try await report(waiting: 30, served: 25)
        _ = try await engine.heartbeat(deviceID: "kiosk-1-a", Heartbeat(health: .ok, counters: ["transactions": 150]), by: admin)
        _ = try await engine.sweepDevices()

        let dashboard = try await engine.dashboard()
        #expect(dashboard.day == "2026-12-01")
        let hall = try #require(dashboard.halls.first)
        #expect(hall.point.id == "hall-1" && hall.waiting == 30 && hall.openCounters == 2 && hall.fresh && hall.waitSeconds == 1_860)
        #expect(hall.servedByHour[9] == 10 && hall.servedByHour[10] == 15 && hall.servedToday == 25 && hall.meanHandlingSeconds == 120)
        #expect(dashboard.selfServiceByHour[9] == 30 && dashboard.selfServiceByHour[10] == 20 && dashboard.selfServiceByHour.reduce(0, +) == 50)
        #expect(dashboard.counterByHour[10] == 15 && dashboard.acceptedToday == 75)
        #expect(dashboard.machines.first { $0.point.id == "kiosk-1" }?.transactionsToday == 50)
        #expect(dashboard.devices[.online] == 1 && dashboard.devices[.offline] == 1)
        #expect(dashboard.openIncidents.map(\.deviceID) == ["kiosk-1-b"])
        #expect(dashboard.alerts.map(\.kind) == [.deviceDown, .longWait], "\(dashboard.alerts)")
        #expect(dashboard.alerts.first?.deviceID == "kiosk-1-b")

        // An hour on without reports: the hall's report is stale, and no wait is claimed.
        clock.set(Self.nine.addingTimeInterval(4_200 + 3_600))
        let later = try await engine.dashboard(thresholds: Dashboard.Thresholds(waitSeconds: 1_200, deviceDownSeconds: 8_000))
        #expect(later.halls.first?.fresh == false && later.halls.first?.waitSeconds == nil)
        #expect(later.alerts.map(\.kind) == [.staleReport], "\(later.alerts)")
    }
}
