import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PayCircleCore
import PayCircleNetwork
import PayCircleServer
import PayCircleStore
import PayCircleTestSupport
import Testing

/// Live hall queues and ranking by time to pay, over a 1 km street due east: hall "near" 200 m from its
/// west end, hall "far" 600 m, a kiosk 900 m. Walking is 5 km/h (1.3889 m/s): 144 s, 432 s and 648 s.
@Suite struct QueueRouteTests {
    static let west = Coordinate(latitude: 23.0, longitude: 113.0)
    static let plane = LocalPlane(origin: west)
    static func east(_ metres: Double) -> Coordinate { plane.unproject(x: metres, y: 0) }

    struct Fixture: Sendable {
        let registry: PointRegistry
        let queues: QueueBoard
        let admin: String
        let operatorToken: String
        /// An operator token for the hall "far" only.
        let farOperatorToken: String
    }

    func withService(_ body: @Sendable (any TestClientProtocol, Fixture) async throws -> Void) async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        let registry = try await PointRegistry(store: test.store)
        let nodes = (0...10).map { WalkingNetworkData.Node(osmID: Int64($0), coordinate: Self.east(Double($0) * 100)) }
        let edges = (0..<10).map { WalkingNetworkData.Edge(source: Int32($0), target: Int32($0 + 1), length: Geodesic.distance(nodes[$0].coordinate, nodes[$0 + 1].coordinate), highway: "footway") }
        let points = [
            PaymentPoint(id: "near", name: "南城营业厅", kind: .hall, grade: .a, services: [.cash, .card], openingHours: OpeningHours("24/7"), location: Self.east(200)),
            PaymentPoint(id: "far", name: "东城营业厅", kind: .hall, grade: .b, services: [.cash, .card], openingHours: OpeningHours("24/7"), location: Self.east(600)),
            PaymentPoint(id: "kiosk", name: "自助缴费终端", kind: .kiosk, services: [.card], openingHours: OpeningHours("24/7"), location: Self.east(900)),
        ]
        try await registry.apply(PointChange(upserts: points), layers: OSMLayers(network: WalkingNetworkData(nodes: nodes, edges: edges)))
        let service = try await PayCircleService.loading(registry)
        let fixture = Fixture(registry: registry, queues: service.queues, admin: try await test.store.createToken(name: "office", role: .admin).secret,
                              operatorToken: try await test.store.createToken(name: "queue machine", role: .operator).secret,
                              farOperatorToken: try await test.store.createToken(name: "far's queue machine", role: .operator, points: ["far"]).secret)
        let app = Application(router: service.router())
        try await app.test(.router) { client in try await body(client, fixture) }
    }

    static func send(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String? = nil,
                     headers extra: [String: String] = [:], body: String = "") async throws -> (HTTPResponse.Status, [String: Any]) {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer " + token }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        headers[.contentType] = "application/json"
        return try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: body)) { response in
            (response.status, (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:])
        }
    }

    static func queue(_ waiting: Int, counters: Int = 1, handling: Double = 120, at: Date? = nil) -> String {
        let moment = at.map { #""reported_at": "\#(Timestamp.utcString($0))", "# } ?? ""
        return #"{\#(moment)"services": {"cash": {"waiting": \#(waiting), "open_counters": \#(counters), "handling_s": \#(handling)}}}"#
    }

    static func ranking(_ client: any TestClientProtocol, by: String) async throws -> [[String: Any]] {
        let (status, answer) = try await send(client, .get, "/v1/nearest?lat=\(west.latitude)&lon=\(west.longitude)&k=3&by=\(by)")
        #expect(status == .ok, "\(answer)")
        return answer["results"] as? [[String: Any]] ?? []
    }

    @Test func theNearestHallIsNotTheFastestToPayWhenItsQueueIsLong() async throws {
        try await withService { client, fixture in
            // Without reports, halls are assumed to take 10 minutes and say so; the kiosk takes none.
            let unknown = try await Self.ranking(client, by: "time")
            #expect(unknown.map { $0["id"] as? String } == ["kiosk", "near", "far"])
            #expect(unknown[1]["wait_known"] as? Bool == false && unknown[1]["wait_source"] as? String == "assumed" && unknown[1]["wait_s"] as? Double == 600)
            #expect(unknown[0]["wait_known"] as? Bool == true && unknown[0]["wait_s"] as? Double == 0)

            // "near": 10 waiting at one counter of 120 s; "far": nobody waiting.
            #expect(try await Self.send(client, .put, "/v1/halls/near/queue", token: fixture.operatorToken, body: Self.queue(10)).0 == .ok)
            #expect(try await Self.send(client, .put, "/v1/halls/far/queue", token: fixture.operatorToken, body: Self.queue(0, counters: 2)).0 == .ok)

            let byWalk = try await Self.ranking(client, by: "walk")
            #expect(byWalk.map { $0["id"] as? String } == ["near", "far", "kiosk"])
            let byTime = try await Self.ranking(client, by: "time")
            #expect(byTime.map { $0["id"] as? String } == ["far", "kiosk", "near"])
            let far = byTime[0], near = byTime[2]
            // far: 600 m at 1.3889 m/s = 432 s, no wait.
            #expect(abs((far["walk_s"] as? Double ?? 0) - 432) <= 1 && far["wait_s"] as? Double == 0 && far["wait_known"] as? Bool == true)
            // near: k = 11 departures at 1/120 s: E[S] = 1,320 s; after the 144 s walk 1,176 s remain
            // (P(Poisson(1.2) ≤ 10) rounds to 1): total 1,320 s.
            #expect(abs((near["walk_s"] as? Double ?? 0) - 144) <= 1)
            #expect(abs((near["wait_s"] as? Double ?? 0) - 1_176) <= 1, "\(near)")
            #expect(abs((near["total_s"] as? Double ?? 0) - 1_320) <= 1)
            #expect((near["wait_low_s"] as? Double ?? .infinity) < 1_176 && (near["wait_high_s"] as? Double ?? 0) > 1_176)
            #expect(near["wait_source"] as? String == "queue" && near["wait_service"] as? String == "cash")
        }
    }

    @Test func staleReportsAreUnknownAndTheNewestIsKept() async throws {
        try await withService { client, fixture in
            // The queue machine's last report, ten minutes old (from the history, as after an outage).
            let tenMinutesAgo = Date().addingTimeInterval(-600)
            try await fixture.queues.record(QueueReport(hallID: "near", reportedAt: tenMinutesAgo,
                                                  services: [.cash: ServiceQueue(waiting: 0, openCounters: 1, handlingSeconds: 120)]))
            let (_, shown) = try await Self.send(client, .get, "/v1/halls/near/queue")
            #expect(shown["fresh"] as? Bool == false && (shown["age_s"] as? Double ?? 0) >= 600)
            // An empty queue reported ten minutes ago is not an empty queue now.
            let near = try await Self.ranking(client, by: "time").first { $0["id"] as? String == "near" }
            #expect(near?["wait_source"] as? String == "assumed" && near?["wait_s"] as? Double == 600)
            // An older report arriving late does not replace a newer one.
            let twoMinutesAgo = Date().addingTimeInterval(-120)
            #expect(try await Self.send(client, .put, "/v1/halls/near/queue", token: fixture.operatorToken, body: Self.queue(3)).0 == .ok)
            #expect(try await Self.send(client, .put, "/v1/halls/near/queue", token: fixture.operatorToken, body: Self.queue(9, at: twoMinutesAgo)).0 == .ok)
            let (_, now) = try await Self.send(client, .get, "/v1/halls/near/queue")
            #expect(now["fresh"] as? Bool == true)
            #expect(((now["services"] as? [String: Any])?["cash"] as? [String: Any])?["waiting"] as? Double == 3)
            // Every report stays in the history.
            #expect(try await fixture.registry.store.queueReports(from: tenMinutesAgo.addingTimeInterval(-1), to: Date().addingTimeInterval(1)).count == 3)
        }
    }

    @Test func aReportCannotBeDatedAheadOfItsReceiptNorOlderThanTheFreshnessAge() async throws {
        try await withService { client, fixture in
            #expect(try await Self.send(client, .put, "/v1/halls/near/queue", token: fixture.operatorToken, body: Self.queue(4)).0 == .ok)
            // Dated 59 s ahead it would stay "newest" over every genuine report for a minute: refused.
            for (moment, why) in [(Date().addingTimeInterval(59), "after the server received"), (Date().addingTimeInterval(-301), "too old")] {
                let (status, answer) = try await Self.send(client, .put, "/v1/halls/near/queue", token: fixture.operatorToken, body: Self.queue(0, at: moment))
                let error = answer["error"] as? [String: Any]
                #expect(status == .badRequest && error?["field"] as? String == "reported_at", "\(answer)")
                let message = (error?["message"] as? String) ?? ""
                #expect(message.contains(why), "\(answer)")
            }
            let (_, shown) = try await Self.send(client, .get, "/v1/halls/near/queue")
            #expect(((shown["services"] as? [String: Any])?["cash"] as? [String: Any])?["waiting"] as? Double == 4)
        }
    }

    @Test func anOperatorScopedToAHallReportsForItAndNoOther() async throws {
        try await withService { client, fixture in
            #expect(try await Self.send(client, .put, "/v1/halls/far/queue", token: fixture.farOperatorToken, body: Self.queue(2)).0 == .ok)
            let (status, answer) = try await Self.send(client, .put, "/v1/halls/near/queue", token: fixture.farOperatorToken, body: Self.queue(0))
            #expect(status == .forbidden && (answer["error"] as? [String: Any])?["code"] as? String == "forbidden", "\(answer)")
            #expect(try await Self.send(client, .put, "/v1/points/near/status", token: fixture.farOperatorToken, body: #"{"status": "offline"}"#).0 == .forbidden)
            #expect(fixture.registry.point(id: "near")?.status == .online)
            #expect(try await Self.send(client, .put, "/v1/points/far/status", token: fixture.farOperatorToken, body: #"{"status": "fault"}"#).0 == .ok)
            #expect(fixture.registry.point(id: "far")?.status == .fault)
            // A point id with a NUL is refused, not cut short at it.
            let (nul, error) = try await Self.send(client, .put, "/v1/halls/far%00near/queue", token: fixture.operatorToken, body: Self.queue(1))
            #expect(nul == .badRequest && (error["error"] as? [String: Any])?["field"] as? String == "id", "\(error)")
        }
    }

    /// Typed bodies name the member that is wrong by its path and say what was expected there.
    @Test func bodyErrorsNameTheMemberByItsPath() async throws {
        try await withService { client, fixture in
            let cases: [(String, String, String)] = [
                (#"{"services": {"cash": 5}}"#, "services.cash", "services.cash: expected an object"),
                (#"{"services": {"cash": {"waiting": "4", "open_counters": 1, "handling_s": 60}}}"#, "services.cash.waiting",
                 "services.cash.waiting: expected a whole number from 0 to 10000"),
                (#"{"services": {"cash": {"waiting": 4, "open_counters": 1, "handling_s": false}}}"#, "services.cash.handling_s",
                 "services.cash.handling_s: expected seconds from 1 to 7200"),
                (#"{"reported_at": 17, "services": {"cash": {"waiting": 4, "open_counters": 1, "handling_s": 60}}}"#, "reported_at",
                 "reported_at: expected an ISO 8601 time such as 2026-11-24T10:00:00+08:00"),
                (#"{"services": [1]}"#, "services", "services: " + #"expected an object of services, e.g. {"cash": {"waiting": 4, "open_counters": 2, "handling_s": 120}}"#),
            ]
            for (body, field, message) in cases {
                let (status, answer) = try await Self.send(client, .put, "/v1/halls/near/queue", token: fixture.operatorToken, body: body)
                let error = answer["error"] as? [String: Any]
                #expect(status == .badRequest && error?["field"] as? String == field && error?["message"] as? String == message, "\(body): \(answer)")
            }
            let (status, answer) = try await Self.send(client, .put, "/v1/halls/near/queue", token: fixture.operatorToken, body: "not json")
            #expect(status == .badRequest && (answer["error"] as? [String: Any])?["message"] as? String == "the body must be a JSON object")
        }
    }

    @Test func reportsNeedATokenAndAValidBody() async throws {
        try await withService { client, fixture in
            #expect(try await Self.send(client, .put, "/v1/halls/near/queue", body: Self.queue(1)).0 == .unauthorized)
            #expect(try await Self.send(client, .put, "/v1/halls/near/queue", token: "pc_wrong", body: Self.queue(1)).0 == .unauthorized)
            #expect(try await Self.send(client, .put, "/v1/halls/near/queue", token: fixture.admin, body: Self.queue(1)).0 == .ok)
            #expect(try await Self.send(client, .put, "/v1/halls/nope/queue", token: fixture.operatorToken, body: Self.queue(1)).0 == .notFound)
            let cases: [(String, String, String)] = [
                ("near", #"{"services": {"cash": {"waiting": -1, "open_counters": 1, "handling_s": 60}}}"#, "services.cash.waiting"),
                ("near", #"{"services": {"cash": {"waiting": 2.5, "open_counters": 1, "handling_s": 60}}}"#, "services.cash.waiting"),
                ("near", #"{"services": {"cash": {"waiting": true, "open_counters": 1, "handling_s": 60}}}"#, "services.cash.waiting"),
                ("near", #"{"services": {"cash": {"waiting": 2, "open_counters": 1, "handling_s": 0}}}"#, "services.cash.handling_s"),
                ("near", #"{"services": {"cash": {"waiting": 2, "handling_s": 60}}}"#, "services.cash.open_counters"),
                ("near", #"{"services": {"coins": {"waiting": 2, "open_counters": 1, "handling_s": 60}}}"#, "services.coins"),
                ("near", #"{"services": {}}"#, "services"),
                ("near", #"{"reported_at": "yesterday", "services": {"cash": {"waiting": 2, "open_counters": 1, "handling_s": 60}}}"#, "reported_at"),
                ("near", #"{"reported_at": "2099-01-01T00:00:00Z", "services": {"cash": {"waiting": 2, "open_counters": 1, "handling_s": 60}}}"#, "reported_at"),
                ("kiosk", Self.queue(1), "id"),
            ]
            for (hall, body, field) in cases {
                let (status, answer) = try await Self.send(client, .put, "/v1/halls/\(hall)/queue", token: fixture.operatorToken, body: body)
                #expect(status == .badRequest, "\(body)")
                #expect((answer["error"] as? [String: Any])?["field"] as? String == field, "\(body): \(answer)")
            }
            #expect(try await Self.send(client, .put, "/v1/halls/near/queue", token: fixture.operatorToken, body: "[1]").0 == .badRequest)
        }
    }

    @Test func queueStateSurvivesARestartOfTheService() async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        let registry = try await PointRegistry(store: test.store)
        try await registry.apply(PointChange(upserts: [PaymentPoint(id: "h", name: "营业厅", kind: .hall, location: Self.west)]))
        let board = try await QueueBoard.loading(test.store)
        let report = QueueReport(hallID: "h", reportedAt: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded()),
                                 services: [.invoice: ServiceQueue(waiting: 2, openCounters: 1, handlingSeconds: 200)])
        try await board.record(report)
        let restarted = try await PayCircleService.loading(PointRegistry(store: test.reopen()))
        #expect(restarted.queues.report(for: "h") == report)
    }
}
