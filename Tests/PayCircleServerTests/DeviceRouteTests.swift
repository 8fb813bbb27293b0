import Foundation
import Hummingbird
import HummingbirdTesting
import PayCircleCore
import PayCircleEngine
import PayCircleServer
import PayCircleStore
import PayCircleTestSupport
import Testing

/// Devices over HTTP on a manual clock (2026-12-01 09:00 in Dongguan, a 24/7 kiosk): the ledger for
/// admins, a device token that beats for its own device only, a command delivered and acknowledged,
/// the timeout closing the kiosk in nearest, incidents and availability; bad bodies name their field.
@Suite struct DeviceRouteTests {
    static let nine = Date(timeIntervalSince1970: 1_796_086_800)

    @Test func aKioskIsWatchedThroughItsDevice() async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        let kiosk = PaymentPoint(id: "kiosk-7", name: "自助缴费终端", kind: .kiosk, openingHours: OpeningHours("24/7"),
                                 location: Coordinate(latitude: 23.02, longitude: 113.75))
        try await test.store.write(PointChange(upserts: [kiosk]))
        let admin = try await test.store.createToken(name: "control room", role: .admin).secret
        let planner = try await test.store.createToken(name: "planner", role: .planner).secret
        let machine = try await test.store.createToken(name: "kiosk-7-a", role: .device, points: ["kiosk-7-a"]).secret
        let clock = ManualClock(Self.nine)
        let engine = try await PayCircleEngine.open(test.store, clock: clock)
        let app = Application(router: PayCircleService(engine: engine).router())
        try await app.test(.router) { client in
            func send(_ method: HTTPRequest.Method, _ uri: String, _ token: String? = nil, _ body: String = "") async throws -> (HTTPResponse.Status, [String: Any]) {
                try await QueueRouteTests.send(client, method, uri, token: token, body: body)
            }
            let ledger = #"{"id": "kiosk-7-a", "point_id": "kiosk-7", "kind": "kiosk", "model": "ZK-200", "serial": "SN-0042", "installed_on": "2024-05-01"}"#
            #expect(try await send(.post, "/v1/devices", nil, ledger).0 == .unauthorized)
            #expect(try await send(.post, "/v1/devices", planner, ledger).0 == .forbidden)
            for (body, field) in [(#"{"id": "x", "point_id": "kiosk-7", "kind": "toaster"}"#, "kind"), (#"{"id": "x", "kind": "kiosk"}"#, "point_id"),
                                  (#"{"id": "x", "point_id": "kiosk-7", "kind": "kiosk", "colour": "red"}"#, "colour"),
                                  (#"{"id": "x", "point_id": "kiosk-7", "kind": "kiosk", "installed_on": "May 2024"}"#, "installed_on")] {
                let (status, answer) = try await send(.post, "/v1/devices", admin, body)
                #expect(status == .badRequest && (answer["error"] as? [String: Any])?["field"] as? String == field, "\(body): \(answer)")
            }
            let (created, device) = try await send(.post, "/v1/devices", admin, ledger)
            #expect(created == .created && device["status"] as? String == "unmonitored" && device["serial"] as? String == "SN-0042", "\(device)")
            #expect(try await send(.post, "/v1/devices", admin, ledger).0 == .conflict)
            let (listed, list) = try await send(.get, "/v1/devices?point_id=kiosk-7", planner)
            #expect(listed == .ok && (list["devices"] as? [[String: Any]])?.count == 1)
            #expect(try await send(.get, "/v1/devices").0 == .unauthorized)

            // The device's own token beats; another's may not.
            #expect(try await send(.post, "/v1/devices/kiosk-7-a/heartbeat", planner, #"{"status": "ok"}"#).0 == .forbidden)
            let (badBeat, badAnswer) = try await send(.post, "/v1/devices/kiosk-7-a/heartbeat", machine, #"{"status": "ok", "counters": {"transactions": -1}}"#)
            #expect(badBeat == .badRequest && (badAnswer["error"] as? [String: Any])?["field"] as? String == "counters.transactions")
            let (beat, beatAnswer) = try await send(.post, "/v1/devices/kiosk-7-a/heartbeat", machine, #"{"status": "ok", "counters": {"transactions": 1234}}"#)
            #expect(beat == .ok && beatAnswer["status"] as? String == "online" && (beatAnswer["commands"] as? [Any])?.isEmpty == true, "\(beatAnswer)")

            // A restart queued by the control room arrives in the next beat and is acknowledged in the one after.
            let (queued, command) = try await send(.post, "/v1/devices/kiosk-7-a/commands", admin, #"{"action": "restart"}"#)
            let commandID = try #require(command["id"] as? String)
            #expect(queued == .created && command["delivered_at"] is NSNull)
            #expect(try await send(.post, "/v1/devices/kiosk-7-a/commands", admin, #"{"action": "explode"}"#).0 == .badRequest)
            let (_, delivered) = try await send(.post, "/v1/devices/kiosk-7-a/heartbeat", machine, #"{"status": "fault", "fault": "paper_out"}"#)
            #expect((delivered["commands"] as? [[String: Any]])?.first?["id"] as? String == commandID && delivered["status"] as? String == "fault")
            let (_, acknowledged) = try await send(.post, "/v1/devices/kiosk-7-a/heartbeat", machine, #"{"status": "ok", "acks": ["\#(commandID)"]}"#)
            #expect((acknowledged["commands"] as? [Any])?.isEmpty == true && acknowledged["status"] as? String == "online")

            // Silent past the timeout: offline, and the kiosk leaves the open places.
            clock.set(Self.nine.addingTimeInterval(200))
            _ = try await engine.sweepDevices()
            let (_, nearest) = try await send(.get, "/v1/nearest?lat=23.02&lon=113.75&k=1&at=2026-12-01T09:10:00%2B08:00")
            #expect((nearest["results"] as? [Any])?.isEmpty == true, "\(nearest)")
            let (_, open) = try await send(.get, "/v1/incidents?open=true", planner)
            let incidents = open["incidents"] as? [[String: Any]] ?? []
            #expect(incidents.count == 1 && incidents.first?["status"] as? String == "offline" && incidents.first?["end"] is NSNull, "\(open)")
            #expect(try await send(.get, "/v1/incidents?open=maybe", planner).0 == .badRequest)
            let (_, all) = try await send(.get, "/v1/incidents?device_id=kiosk-7-a", planner)
            #expect((all["incidents"] as? [[String: Any]])?.map { $0["status"] as? String } == ["fault", "offline"])

            let (_, availability) = try await send(.get, "/v1/devices/kiosk-7-a/availability?from=2026-12-01", planner)
            let day = (availability["days"] as? [[String: Any]])?.first
            #expect(day?["date"] as? String == "2026-12-01" && day?["down_s"] as? Double == 20, "the fault from 09:00 to 09:00:00 and offline from 09:03 to 09:03:20: \(availability)")

            let (scheduled, withSchedule) = try await send(.put, "/v1/devices/kiosk-7-a/schedule", admin, #"{"power": "Mo-Su 06:00-23:00"}"#)
            #expect(scheduled == .ok && withSchedule["power_schedule"] as? String == "Mo-Su 06:00-23:00")
            #expect(try await send(.put, "/v1/devices/kiosk-7-a/schedule", admin, #"{}"#).0 == .badRequest)

            let (imported, counts) = try await send(.post, "/v1/devices/import", admin, "id,point_id,kind\nkiosk-7-b,kiosk-7,self_service_terminal\n")
            #expect(imported == .ok && counts["added"] as? Double == 1 && counts["replaced"] as? Double == 0)
            let (refused, why) = try await send(.post, "/v1/devices/import", admin, "id,point_id,kind\nkiosk-7-c,nowhere,kiosk\n")
            #expect(refused == .badRequest && (why["error"] as? [String: Any])?["field"] as? String == "point_id", "\(why)")
            #expect(try await send(.delete, "/v1/devices/kiosk-7-b", admin).0 == .noContent)
            #expect(try await send(.get, "/v1/devices/kiosk-7-b", admin).0 == .notFound)
        }
    }
}
