import Foundation
import PayCircleCore
import PayCircleEngine
import PayCircleStore
import PayCircleTestSupport
import Testing

/// Devices on either store, on a manual clock, at kiosk-1 (24/7) and hall-1 in Dongguan from 09:00 on
/// 1 December 2026, with the default heartbeat timeout of 180 s: the ledger and who may touch it,
/// heartbeats and the timeout, incidents and availability, commands and acknowledgements, power schedules,
/// and the kiosk opening and closing with its devices.
@Suite struct DeviceTests {
    static let nine = Date(timeIntervalSince1970: 1_796_086_800)   // 2026-12-01 09:00 in Dongguan
    static let admin = Credentials.valid(EngineRulesTests.token(.admin))

    static func record(_ id: String, point: String = "kiosk-1", kind: DeviceKind = .kiosk) -> DeviceRecord {
        DeviceRecord(["id": id, "point_id": point, "kind": kind.rawValue, "serial": "SN-\(id)"])
    }

    static func deviceToken(_ ids: Set<String>) -> Credentials {
        .valid(AccessToken(id: "tok_device", name: "kiosk", role: .device, points: ids, createdAt: nine))
    }

    static func isOpen(_ engine: PayCircleEngine, _ id: String) throws -> Bool {
        let request = try NearestRequest(QueryParameters(["lat": "23.02", "lon": "113.75", "k": "10", "at": "2026-12-01T09:30:00+08:00"]))
        return try engine.nearest(request).contains { $0.point.id == id }
    }

    @Test(arguments: TestStore.Kind.available) func theLedgerAndWhoMayTouchIt(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let engine = try await EngineRulesTests.engine(test, clock: ManualClock(Self.nine))
        try await engine.saveDevice(Self.record("kiosk-1-a"), replacing: false, by: Self.admin)
        let twice = await #expect(throws: EngineError.self) { try await engine.saveDevice(Self.record("kiosk-1-a"), replacing: false, by: Self.admin) }
        #expect(twice?.code == "exists")
        #expect(await #expect(throws: EngineError.self) { try await engine.saveDevice(Self.record("x", point: "nowhere"), replacing: false, by: Self.admin) }?.field == "point_id")
        #expect(await #expect(throws: EngineError.self) {
            try await engine.saveDevice(DeviceRecord(["id": "x", "point_id": "kiosk-1", "kind": "toaster"]), replacing: false, by: Self.admin)
        }?.field == "kind")
        let operatorToken = Credentials.valid(EngineRulesTests.token(.operator, points: ["kiosk-1"]))
        #expect(await #expect(throws: EngineError.self) { try await engine.saveDevice(Self.record("y"), replacing: false, by: operatorToken) }?.kind == .forbidden)
        #expect(try await engine.devices(pointID: "kiosk-1", by: .valid(EngineRulesTests.token(.planner))).map(\.serial) == ["SN-kiosk-1-a"])
        #expect(await #expect(throws: EngineError.self) { try await engine.devices(pointID: nil, by: .valid(EngineRulesTests.token(.partner))) }?.kind == .forbidden)
        #expect(await #expect(throws: EngineError.self) { try await engine.devices(pointID: nil, by: .none) }?.kind == .unauthorized)

        // A device token beats for its own devices only.
        #expect(await #expect(throws: EngineError.self) { try await engine.heartbeat(deviceID: "kiosk-1-a", Heartbeat(health: .ok), by: Self.deviceToken(["kiosk-1-b"])) }?.kind == .forbidden)
        #expect(try await engine.heartbeat(deviceID: "kiosk-1-a", Heartbeat(health: .ok), by: Self.deviceToken(["kiosk-1-a"])).device.live.status == .online)
        #expect(await #expect(throws: EngineError.self) { try await engine.heartbeat(deviceID: "kiosk-1-a", Heartbeat(health: .ok), by: operatorToken) }?.kind == .forbidden)

        // A CSV ledger goes in whole or not at all; replacing keeps what a device reported.
        let good = "id,point_id,kind,model,installed_on\nkiosk-1-a,kiosk-1,kiosk,K2,2024-05-01\nhall-1-q,hall-1,queue_machine,,\n"
        #expect(try await engine.importDevices(csv: good, source: "devices.csv", by: Self.admin) == (added: 1, replaced: 1))
        let replaced = try await engine.device(id: "kiosk-1-a", by: Self.admin)
        #expect(replaced.model == "K2" && replaced.installedOn == "2024-05-01" && replaced.live.status == .online && replaced.live.lastBeatAt == Self.nine)
        let bad = "id,point_id,kind\nnew-1,kiosk-1,kiosk\nnew-2,kiosk-1,fridge\n"
        let refused = await #expect(throws: EngineError.self) { try await engine.importDevices(csv: bad, source: "devices.csv", by: Self.admin) }
        #expect(refused?.message == "devices.csv:3: kind: unknown kind 'fridge' (one of kiosk, queue_machine, self_service_terminal, business_terminal, invoice_printer, info_terminal)")
        #expect(await #expect(throws: EngineError.self) {
            try await engine.importDevices(csv: "id,point_id,kind,colour\n", source: "devices.csv", by: Self.admin)
        }?.message.hasPrefix("devices.csv:1: unknown column 'colour'") == true)
        #expect(try await engine.devices(pointID: nil, by: Self.admin).map(\.id) == ["hall-1-q", "kiosk-1-a"])
        try await engine.deleteDevice(id: "hall-1-q", by: Self.admin)
        #expect(await #expect(throws: EngineError.self) { try await engine.deleteDevice(id: "hall-1-q", by: Self.admin) }?.kind == .notFound)
    }

    /// Two devices at kiosk-1: a beats ok and b reports paper_out at 09:00; both fall silent, and at 09:03:01
    /// both are offline since 09:03:00 and the kiosk is closed; a beats again at 09:05 and opens it.
    /// a's availability on the day: of 09:10's 32,400 + 600 seconds since midnight, 120 down.
    @Test(arguments: TestStore.Kind.available) func silentDevicesGoOfflineAndCloseTheirKiosk(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let clock = ManualClock(Self.nine)
        let engine = try await EngineRulesTests.engine(test, clock: clock)
        for id in ["kiosk-1-a", "kiosk-1-b"] { try await engine.saveDevice(Self.record(id), replacing: false, by: Self.admin) }
        #expect(try Self.isOpen(engine, "kiosk-1"), "unmonitored devices say nothing of their kiosk")
        _ = try await engine.heartbeat(deviceID: "kiosk-1-a", Heartbeat(health: .ok, counters: ["transactions": 12]), by: Self.admin)
        let faulty = try await engine.heartbeat(deviceID: "kiosk-1-b", Heartbeat(health: .fault, fault: "paper_out"), by: Self.admin)
        #expect(faulty.device.live.status == .fault && faulty.device.live.fault == "paper_out")

        clock.set(Self.nine.addingTimeInterval(180))
        #expect(try await engine.sweepDevices() == 0, "not yet past the timeout")
        clock.set(Self.nine.addingTimeInterval(181))
        #expect(try await engine.sweepDevices() == 2)
        #expect(engine.registry.point(id: "kiosk-1")?.status == .offline)
        #expect(try !Self.isOpen(engine, "kiosk-1"))
        #expect(try await engine.sweepDevices() == 0)

        clock.set(Self.nine.addingTimeInterval(300))
        #expect(try await engine.heartbeat(deviceID: "kiosk-1-a", Heartbeat(health: .ok), by: Self.admin).device.live.status == .online)
        #expect(engine.registry.point(id: "kiosk-1")?.status == .online)
        #expect(try Self.isOpen(engine, "kiosk-1"))
        #expect(try await test.reopen().point(id: "kiosk-1")?.status == .online)

        let incidents = try await engine.incidents(IncidentFilter(pointID: "kiosk-1"), by: Self.admin)
        let summary = incidents.map { "\($0.deviceID) \($0.status.rawValue) \(Int($0.start.timeIntervalSince(Self.nine)))-\($0.end.map { "\(Int($0.timeIntervalSince(Self.nine)))" } ?? "open")" }
        #expect(summary == ["kiosk-1-b fault 0-180", "kiosk-1-a offline 180-300", "kiosk-1-b offline 180-open"])
        #expect(incidents.first?.detail == "paper_out")
        #expect(try await engine.incidents(IncidentFilter(open: true), by: Self.admin).map(\.deviceID) == ["kiosk-1-b"])
        #expect(try await engine.incidents(IncidentFilter(from: Self.nine.addingTimeInterval(200), to: Self.nine.addingTimeInterval(250)), by: Self.admin).count == 2)

        clock.set(Self.nine.addingTimeInterval(600))
        let day = try #require(try await engine.availability(deviceID: "kiosk-1-a", from: "2026-12-01", to: "2026-12-01", by: Self.admin).first)
        #expect(day.expectedSeconds == 33_000 && day.downSeconds == 120)
        #expect(await #expect(throws: EngineError.self) { try await engine.availability(deviceID: "kiosk-1-a", from: "2026-12-01", to: "2027-06-01", by: Self.admin) }?.field == "to")
    }

    /// Commands reach a device in the answer to its next beat and take effect when it acknowledges them;
    /// a power schedule turns it off at night (no incident) and closes its kiosk, and on in the morning.
    @Test(arguments: TestStore.Kind.available) func commandsAndPowerSchedules(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let clock = ManualClock(Self.nine)
        let engine = try await EngineRulesTests.engine(test, clock: clock)
        try await engine.saveDevice(Self.record("kiosk-1-a"), replacing: false, by: Self.admin)
        _ = try await engine.heartbeat(deviceID: "kiosk-1-a", Heartbeat(health: .ok), by: Self.admin)
        let elsewhere = Credentials.valid(EngineRulesTests.token(.operator, points: ["hall-1"]))
        #expect(await #expect(throws: EngineError.self) { try await engine.queueCommand(deviceID: "kiosk-1-a", action: .restart, by: elsewhere) }?.kind == .forbidden)
        let command = try await engine.queueCommand(deviceID: "kiosk-1-a", action: .maintenanceOn, by: .valid(EngineRulesTests.token(.operator, points: ["kiosk-1"])))

        clock.set(Self.nine.addingTimeInterval(30))
        let delivered = try await engine.heartbeat(deviceID: "kiosk-1-a", Heartbeat(health: .ok), by: Self.admin)
        #expect(delivered.commands.map(\.id) == [command.id] && delivered.device.live.status == .online)
        clock.set(Self.nine.addingTimeInterval(60))
        let done = try await engine.heartbeat(deviceID: "kiosk-1-a", Heartbeat(health: .ok, acknowledged: [command.id, "cmd_unknown"]), by: Self.admin)
        #expect(done.commands.isEmpty && done.device.live.status == .maintenance && done.device.maintenance)
        #expect(engine.registry.point(id: "kiosk-1")?.status == .offline)
        let off = try await engine.queueCommand(deviceID: "kiosk-1-a", action: .maintenanceOff, by: Self.admin)
        _ = try await engine.heartbeat(deviceID: "kiosk-1-a", Heartbeat(health: .ok), by: Self.admin)
        #expect(try await engine.heartbeat(deviceID: "kiosk-1-a", Heartbeat(health: .ok, acknowledged: [off.id]), by: Self.admin).device.live.status == .online)
        #expect(engine.registry.point(id: "kiosk-1")?.status == .online)

        #expect(await #expect(throws: EngineError.self) { try await engine.setPowerSchedule(deviceID: "kiosk-1-a", schedule: "whenever", by: Self.admin) }?.field == "power_schedule")
        _ = try await engine.setPowerSchedule(deviceID: "kiosk-1-a", schedule: "Mo-Su 06:00-23:00", by: Self.admin)
        clock.set(Self.nine.addingTimeInterval(14 * 3_600 - 60))   // 22:59
        _ = try await engine.heartbeat(deviceID: "kiosk-1-a", Heartbeat(health: .ok), by: Self.admin)
        clock.set(Self.nine.addingTimeInterval(14 * 3_600 + 30))   // 23:00:30
        #expect(try await engine.sweepDevices() == 1)
        #expect(try await engine.device(id: "kiosk-1-a", by: Self.admin).live.status == .off)
        #expect(engine.registry.point(id: "kiosk-1")?.status == .offline)
        clock.set(Self.nine.addingTimeInterval(21 * 3_600 + 30))   // 06:00:30 next day: on, not yet beating
        #expect(try await engine.sweepDevices() == 1)
        clock.set(Self.nine.addingTimeInterval(21 * 3_600 + 60))
        _ = try await engine.heartbeat(deviceID: "kiosk-1-a", Heartbeat(health: .ok), by: Self.admin)
        #expect(engine.registry.point(id: "kiosk-1")?.status == .online)
        let statuses = try await engine.incidents(IncidentFilter(deviceID: "kiosk-1-a"), by: Self.admin).map(\.status)
        #expect(statuses == [.maintenance, .offline], "the night off is no incident; the morning's silence is")
    }
}
