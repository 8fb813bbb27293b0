import Foundation
import Hummingbird
import HummingbirdTesting
import PayCircleCore
import PayCircleEngine
import PayCircleServer
import PayCircleSpatiaLite
import PayCircleStore
import PayCircleTestSupport
import Testing

/// The dashboard in Chromium (Tools/reference/dashboard_probe.py) on the test city, served with its
/// sweeps running and a heartbeat timeout of 2 s: a new queue report and a device going offline each show
/// without a reload and without console errors (the probe waits up to 25 s for each: in the whole suite,
/// once 10 s were not enough for the device to go offline, and once a page slower than the 2 s timeout
/// missed a single beat, so the device now beats until it is shown online). How soon — the 2 s
/// target — is printed here and measured alone in BENCHMARKS.md; the suite shares two cores with other
/// browsers, so no time is asserted. The screenshot is kept in test-artifacts/.
@Suite struct DashboardBrowserTests {
    struct Probe: Decodable {
        let report_s: Double?
        let offline_s: Double?
        let navigations: Int
        let updates: Int?
        let errors: [String]
        let incidents: [String]?
        let failure: String?
    }

    @Test func aReportAndADeviceGoingOfflineShowWithoutAReload() async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try await PointRegistry(store: SpatiaLiteStore(path: directory.appendingPathComponent("s.sqlite").path))
        try await MapPageBrowserTests.city(in: registry)
        let admin = try await registry.store.createToken(name: "control room", role: .admin).secret
        let machine = try await registry.store.createToken(name: "kiosk-1-a", role: .device, points: ["kiosk-1-a"]).secret
        let engine = try await PayCircleEngine.open(registry, deviceRules: DeviceRules(heartbeatTimeout: 2))
        try await engine.saveDevice(DeviceRecord(["id": "kiosk-1-a", "point_id": "kiosk-1", "kind": "kiosk"]), replacing: false, by: .storeOwner)
        var service = PayCircleService(engine: engine)
        service.surface.rateLimits = nil
        let app = service.application(host: "127.0.0.1", port: 0)
        let artifacts = Reference.repositoryRoot.appendingPathComponent("test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let script = Reference.repositoryRoot.appendingPathComponent("Tools/reference/dashboard_probe.py").path
            let output = try await ExternalProgram.run("/usr/bin/env", ["python3", script, "http://127.0.0.1:\(port)", "hall-1", admin, "kiosk-1-a", machine, "2",
                                                                        "--screenshot", artifacts.appendingPathComponent("dashboard.png").path])
            let probe = try JSONDecoder().decode(Probe.self, from: Data(output.utf8))
            #expect(probe.failure == nil, "\(probe.failure ?? "")")
            #expect(probe.errors.isEmpty, "\(probe.errors)")
            #expect(probe.navigations == 1, "the page was loaded once")
            #expect(probe.report_s != nil, "the queue report was never shown")
            #expect(probe.offline_s != nil, "the device was never shown offline")
            #expect((probe.updates ?? 0) >= 3)
            #expect(probe.incidents?.contains { $0.hasPrefix("kiosk-1-a") } == true, "\(probe.incidents ?? [])")
            print("dashboard: report shown after \(probe.report_s ?? -1) s, offline after \(probe.offline_s ?? -1) s")
        }
    }
}
