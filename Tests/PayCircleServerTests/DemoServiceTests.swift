import Foundation
import PayCircleCore
import PayCircleEngine
import PayCircleSpatiaLite
import PayCircleStore
import PayCircleTestSupport
import Testing

/// The living demo end to end: `paycircle demo` against a running `paycircle serve` (600 simulated seconds
/// a second for six seconds) leaves demo halls and kiosks marked `source: demo` in the city, their queue
/// reports fresh on the dashboard and in each hall's queue (what `by=time` ranks by) with numbers served,
/// kiosk transactions counted; its tokens are the demo's own.
@Suite struct DemoServiceTests {
    @Test func theDemoMakesTheHallSideVisible() async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("city.sqlite").path
        let store = try SpatiaLiteStore(path: path)
        try await store.write(PointChange(upserts: [
            PaymentPoint(id: "shop-1", name: "美宜佳便利店", kind: .agency, openingHours: OpeningHours("24/7"), location: Coordinate(latitude: 23.02, longitude: 113.75)),
        ]))
        let server = try PayCircleProcess(["serve", "--store", path, "--port", "0", "--rate-limit", "off", "--idle-timeout", "600"])
        defer { server.kill() }
        let port = try server.waitForPort()
        let demo = try PayCircleProcess(["demo", "--store", path, "--url", "http://127.0.0.1:\(port)", "--speed", "600", "--duration", "6"])
        #expect(demo.wait() == 0, "\(demo.printed)")
        #expect(demo.printed.contains("Demo stopped"), "\(demo.printed)")

        // The suite shares two cores with browsers and imports: a request may be cut when the machine is
        // busiest, and is tried again for up to 30 s.
        func get(_ path: String) async throws -> [String: Any] {
            var answered: [String: Any]?
            _ = try await ScaleOutTests.secondsUntil(limit: 30) {
                answered = try? await ScaleOutTests.request(port, .get, path).1
                return answered != nil
            }
            return try #require(answered, "GET \(path): the service running: \(server.isRunning); it printed: \(server.printed.suffix(3_000))")
        }
        let dashboard = try await get("/v1/dashboard")
        let halls = dashboard["halls"] as? [[String: Any]] ?? []
        #expect(halls.map { $0["id"] as? String } == ["demo-hall-1", "demo-hall-2", "demo-hall-3"], "\(halls)")
        #expect(halls.allSatisfy { $0["fresh"] as? Bool == true }, "\(halls)")
        #expect(halls.map { $0["served_today"] as? Double ?? 0 }.reduce(0, +) > 0)
        let machines = dashboard["machines"] as? [[String: Any]] ?? []
        #expect(machines.count == 6 && machines.map { $0["transactions_today"] as? Double ?? 0 }.reduce(0, +) > 0, "\(machines)")
        let hall = try await get("/v1/points/demo-hall-1")
        #expect(hall["source"] as? String == "demo")
        for id in ["demo-hall-1", "demo-hall-2", "demo-hall-3"] {
            let queue = try await get("/v1/halls/\(id)/queue")
            #expect(queue["fresh"] as? Bool == true, "\(id): \(queue)")
        }
        let names = try await AccessTokens(store: store).all().filter { $0.revokedAt == nil }.map(\.name)
        #expect(names.count == 13 && names.allSatisfy { $0.hasPrefix("demo ") }, "one admin, three halls' machines, nine devices: \(names)")
    }
}
