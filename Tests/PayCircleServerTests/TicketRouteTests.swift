import Foundation
import Hummingbird
import HummingbirdTesting
import PayCircleCore
import PayCircleNetwork
import PayCircleServer
import PayCircleStore
import PayCircleTestSupport
import Testing

/// Remote queue tickets over the street of ``QueueRouteTests``: places in line, call times with their
/// band (checked against SciPy's Gamma quantiles: 145.955 s and 479.615 s for 5 departures at 1/60 s),
/// when to leave, cancelling, and tickets that outlive a restart of the service.
@Suite struct TicketRouteTests {
    /// A service over `store` (the street and its hall added when the store is empty), with an operator token.
    static func withService<Value: Sendable>(_ store: any DataStore, _ setup: TestingSetup = .router,
                                             _ body: @Sendable (any TestClientProtocol, String) async throws -> Value) async throws -> Value {
        let registry = try await PointRegistry(store: store)
        if registry.index.count == 0 {
            let nodes = (0...10).map { WalkingNetworkData.Node(osmID: Int64($0), coordinate: QueueRouteTests.east(Double($0) * 100)) }
            let edges = (0..<10).map { WalkingNetworkData.Edge(source: Int32($0), target: Int32($0 + 1), length: Geodesic.distance(nodes[$0].coordinate, nodes[$0 + 1].coordinate), highway: "footway") }
            try await registry.apply(PointChange(upserts: [
                PaymentPoint(id: "near", name: "南城营业厅", kind: .hall, services: [.cash], openingHours: OpeningHours("24/7"), location: QueueRouteTests.east(200)),
                PaymentPoint(id: "kiosk", name: "自助缴费终端", kind: .kiosk, location: QueueRouteTests.east(900)),
            ]), layers: OSMLayers(network: WalkingNetworkData(nodes: nodes, edges: edges)))
        }
        let operatorToken = try await store.createToken(name: "queue machine", role: .operator).secret
        let app = Application(router: try await PayCircleService.loading(registry).router())
        return try await app.test(setup) { client in try await body(client, operatorToken) }
    }

    static func date(_ value: Any?) -> Date? { (value as? String).flatMap(PointRecord.parseTimestamp) }

    @Test func ticketsHoldTheirPlaceAndSayWhenToLeave() async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        try await Self.withService(test.store) { client, operatorToken in
            // No fresh report yet: no estimate can be made.
            let (refused, refusal) = try await QueueRouteTests.send(client, .post, "/v1/halls/near/tickets", body: #"{"service": "cash", "customer": "app-user-1"}"#)
            #expect(refused == .conflict && (refusal["error"] as? [String: Any])?["code"] as? String == "no_queue")

            #expect(try await QueueRouteTests.send(client, .put, "/v1/halls/near/queue", token: operatorToken, body: QueueRouteTests.queue(4, counters: 2)).0 == .ok)
            let west = QueueRouteTests.west
            let (created, first) = try await QueueRouteTests.send(client, .post, "/v1/halls/near/tickets",
                                                                  body: #"{"service": "cash", "customer": "app-user-2", "lat": \#(west.latitude), "lon": \#(west.longitude)}"#)
            #expect(created == .created, "\(first)")
            #expect(first["number"] as? String == "C001" && first["ahead"] as? Double == 4 && first["position"] as? Double == 5)
            let issued = try #require(Self.date(first["issued_at"]))
            // 5 departures at 2 / 120 s: expected 300 s after issue, 80% band 145.96-479.62 s (whole seconds in JSON).
            #expect(abs(try #require(Self.date(first["call_at"])).timeIntervalSince(issued) - 300) <= 1)
            #expect(abs(try #require(Self.date(first["call_early"])).timeIntervalSince(issued) - 145.955) <= 1)
            #expect(abs(try #require(Self.date(first["call_late"])).timeIntervalSince(issued) - 479.615) <= 1)
            // 200 m on foot: 144 s; leave by the early call time less the walk (1.96 s after issue).
            #expect(abs((first["walk_s"] as? Double ?? 0) - 144) <= 1)
            #expect(abs(try #require(Self.date(first["leave_at"])).timeIntervalSince(issued) - 1.955) <= 1.5)

            // The next ticket is behind the first.
            let (_, second) = try await QueueRouteTests.send(client, .post, "/v1/halls/near/tickets", body: #"{"service": "cash", "customer": "app-user-3"}"#)
            #expect(second["number"] as? String == "C002" && second["ahead"] as? Double == 5)
            #expect(second["walk_s"] is NSNull && second["leave_at"] is NSNull)
            // A walk-in now finds the four the hall counted and the two remote tickets: 7 departures at 1/60 s.
            let (_, hallQueue) = try await QueueRouteTests.send(client, .get, "/v1/halls/near/queue")
            let cash = try #require((hallQueue["services"] as? [String: Any])?["cash"] as? [String: Any])
            #expect(cash["waiting"] as? Double == 4 && cash["remote_waiting"] as? Double == 2 && cash["wait_s"] as? Double == 420, "\(cash)")

            // Tracking and cancelling.
            let id = try #require(first["id"] as? String)
            let (tracked, shown) = try await QueueRouteTests.send(client, .get, "/v1/tickets/\(id)")
            #expect(tracked == .ok && shown["number"] as? String == "C001" && shown["status"] as? String == "waiting")
            // Only the holder of the key given at issue cancels it.
            let key = try #require(first["ticket_key"] as? String)
            #expect(key.hasPrefix("tk_") && key.count == 51 && shown["ticket_key"] == nil)
            let (unkeyed, keyRefusal) = try await QueueRouteTests.send(client, .delete, "/v1/tickets/\(id)")
            #expect(unkeyed == .forbidden && (keyRefusal["error"] as? [String: Any])?["code"] as? String == "wrong_ticket_key", "\(keyRefusal)")
            let secondKey = try #require(second["ticket_key"] as? String)
            #expect(try await QueueRouteTests.send(client, .delete, "/v1/tickets/\(id)", headers: ["Ticket-Key": secondKey]).0 == .forbidden)
            #expect(try await QueueRouteTests.send(client, .delete, "/v1/tickets/\(id)", headers: ["Ticket-Key": key]).0 == .noContent)
            #expect(try await QueueRouteTests.send(client, .delete, "/v1/tickets/\(id)", headers: ["Ticket-Key": key]).0 == .notFound)
            #expect(try await QueueRouteTests.send(client, .get, "/v1/tickets/\(id)").1["status"] as? String == "cancelled")
            // A cancelled ticket no longer holds a place: the third is behind the queue and the second only.
            let (_, third) = try await QueueRouteTests.send(client, .post, "/v1/halls/near/tickets", body: #"{"service": "cash", "customer": "app-user-4"}"#)
            #expect(third["number"] as? String == "C003" && third["ahead"] as? Double == 5)
        }
    }

    /// A hall that reports what it has served moves its tickets: issued at 20 served and 4 waiting, the
    /// ticket waits for the 25th call; a report of 23 served leaves one ahead of it, and the estimate is
    /// counted from that report.
    @Test func reportsOfWhatWasServedMoveATicket() async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        try await Self.withService(test.store) { client, operatorToken in
            func report(waiting: Int, served: Int) -> String {
                #"{"services": {"cash": {"waiting": \#(waiting), "open_counters": 1, "handling_s": 60, "served_today": \#(served)}}}"#
            }
            #expect(try await QueueRouteTests.send(client, .put, "/v1/halls/near/queue", token: operatorToken, body: report(waiting: 4, served: 20)).0 == .ok)
            let (_, issued) = try await QueueRouteTests.send(client, .post, "/v1/halls/near/tickets", body: #"{"service": "cash", "customer": "app-user-moving"}"#)
            #expect(issued["position"] as? Double == 5, "\(issued)")
            let (status, hallQueue) = try await QueueRouteTests.send(client, .put, "/v1/halls/near/queue", token: operatorToken, body: report(waiting: 1, served: 23))
            let cash = (hallQueue["services"] as? [String: Any])?["cash"] as? [String: Any]
            #expect(status == .ok && cash?["served_today"] as? Double == 23 && cash?["remote_waiting"] as? Double == 1)
            let (_, moved) = try await QueueRouteTests.send(client, .get, "/v1/tickets/\(try #require(issued["id"] as? String))")
            #expect(moved["ahead"] as? Double == 1 && moved["position"] as? Double == 2, "\(moved)")
            // Two departures at 1/60 s from the report: expected 120 s after it.
            let reported = try #require(Self.date(hallQueue["reported_at"]))
            #expect(abs(try #require(Self.date(moved["call_at"])).timeIntervalSince(reported) - 120) <= 1)
            // A served count that is not a whole number in range is refused, naming it.
            let bad = #"{"services": {"cash": {"waiting": 1, "open_counters": 1, "handling_s": 60, "served_today": -3}}}"#
            let (refused, refusal) = try await QueueRouteTests.send(client, .put, "/v1/halls/near/queue", token: operatorToken, body: bad)
            #expect(refused == .badRequest && (refusal["error"] as? [String: Any])?["field"] as? String == "services.cash.served_today", "\(refusal)")
        }
    }

    @Test func aTicketIsStoredOnlyAfterEveryCheckPassed() async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        try await Self.withService(test.store) { client, operatorToken in
            #expect(try await QueueRouteTests.send(client, .put, "/v1/halls/near/queue", token: operatorToken, body: QueueRouteTests.queue(4)).0 == .ok)
            // A place 5 km from the street: refused before any ticket is taken.
            let far = QueueRouteTests.plane.unproject(x: 0, y: 5_000)
            let (refused, refusal) = try await QueueRouteTests.send(client, .post, "/v1/halls/near/tickets",
                                                                    body: #"{"service": "cash", "customer": "app-user-far", "lat": \#(far.latitude), "lon": \#(far.longitude)}"#)
            #expect(refused == .badRequest && (refusal["error"] as? [String: Any])?["field"] as? String != nil, "\(refusal)")
            // So the next ticket is the first, behind the reported queue only.
            let (_, first) = try await QueueRouteTests.send(client, .post, "/v1/halls/near/tickets", body: #"{"service": "cash", "customer": "app-user-5"}"#)
            #expect(first["number"] as? String == "C001" && first["ahead"] as? Double == 4, "\(first)")
            // A ticket id with a NUL does not reach the ticket it starts with.
            let id = try #require(first["id"] as? String)
            #expect(try await QueueRouteTests.send(client, .delete, "/v1/tickets/\(id)%00zzz").0 == .badRequest)
            #expect(try await QueueRouteTests.send(client, .get, "/v1/tickets/\(id)").1["status"] as? String == "waiting")
        }
    }

    /// Only the hall's own queue machine (or an admin) calls its tickets; a number that is not waiting is 404.
    @Test func theHallCallsItsTickets() async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        let other = try await test.store.createToken(name: "another hall", role: .operator, points: ["elsewhere"]).secret
        try await Self.withService(test.store) { client, operatorToken in
            #expect(try await QueueRouteTests.send(client, .put, "/v1/halls/near/queue", token: operatorToken, body: QueueRouteTests.queue(1)).0 == .ok)
            let ticket = try await QueueRouteTests.send(client, .post, "/v1/halls/near/tickets", body: #"{"service": "cash", "customer": "app-user-6"}"#).1
            let number = try #require(ticket["number"] as? String)
            let call = #"{"service": "cash", "number": "\#(number)"}"#
            #expect(try await QueueRouteTests.send(client, .post, "/v1/halls/near/calls", body: call).0 == .unauthorized)
            #expect(try await QueueRouteTests.send(client, .post, "/v1/halls/near/calls", token: other, body: call).0 == .forbidden)
            let (status, called) = try await QueueRouteTests.send(client, .post, "/v1/halls/near/calls", token: operatorToken, body: call)
            #expect(status == .ok && called["status"] as? String == "called", "\(called)")
            #expect(try await QueueRouteTests.send(client, .post, "/v1/halls/near/calls", token: operatorToken, body: call).0 == .notFound)
            let served = #"{"service": "cash", "number": "\#(number)", "outcome": "served"}"#
            #expect(try await QueueRouteTests.send(client, .post, "/v1/halls/near/calls", token: operatorToken, body: served).1["status"] as? String == "served")
            let bad = #"{"service": "cash", "number": "\#(number)", "outcome": "gone"}"#
            #expect(try await QueueRouteTests.send(client, .post, "/v1/halls/near/calls", token: operatorToken, body: bad).1["error"] != nil)
            #expect(try await QueueRouteTests.send(client, .get, "/v1/tickets/\(try #require(ticket["id"] as? String))").1["status"] as? String == "served")
        }
    }

    @Test func badTicketRequestsNameTheProblem() async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        try await Self.withService(test.store) { client, operatorToken in
            #expect(try await QueueRouteTests.send(client, .put, "/v1/halls/near/queue", token: operatorToken, body: QueueRouteTests.queue(1)).0 == .ok)
            for (hall, body, field) in [("near", #"{"service": "coins"}"#, "service"), ("near", #"{}"#, "service"),
                                        ("near", #"{"service": "cash", "customer": "app-user-7", "lat": 23}"#, "lon"), ("near", #"{"service": "cash", "customer": "app-user-8", "lat": 95, "lon": 113}"#, "lat"),
                                        ("near", #"{"service": "cash"}"#, "customer"), ("near", #"{"service": "cash", "customer": ""}"#, "customer"),
                                        ("near", #"{"service": "cash", "customer": "a\u0000b"}"#, "customer"),
                                        ("near", #"{"service": "cash", "customer": 42}"#, "customer"),
                                        ("kiosk", #"{"service": "cash"}"#, "id")] {
                let (status, answer) = try await QueueRouteTests.send(client, .post, "/v1/halls/\(hall)/tickets", body: body)
                #expect(status == .badRequest && (answer["error"] as? [String: Any])?["field"] as? String == field, "\(body): \(answer)")
            }
            // A service the hall did not report has no queue to join.
            #expect(try await QueueRouteTests.send(client, .post, "/v1/halls/near/tickets", body: #"{"service": "invoice", "customer": "app-user-invoice"}"#).0 == .conflict)
            #expect(try await QueueRouteTests.send(client, .post, "/v1/halls/nope/tickets", body: #"{"service": "cash", "customer": "app-user-9"}"#).0 == .notFound)
            #expect(try await QueueRouteTests.send(client, .get, "/v1/tickets/tkt_none").0 == .notFound)
            #expect(try await QueueRouteTests.send(client, .get, "/v1/tickets/tkt_none?lat=1").0 == .notFound)
        }
    }

    @Test(arguments: TestStore.Kind.available) func ticketsSurviveARestart(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let start = Date()
        let ticket: [String: String] = try await Self.withService(test.store) { client, operatorToken in
            _ = try await QueueRouteTests.send(client, .put, "/v1/halls/near/queue", token: operatorToken, body: QueueRouteTests.queue(2))
            return try await QueueRouteTests.send(client, .post, "/v1/halls/near/tickets", body: #"{"service": "cash", "customer": "app-user-10"}"#).1.compactMapValues { $0 as? String }
        }
        let id = try #require(ticket["id"])
        let issued = try #require(ticket["issued_at"])
        #expect(ticket["number"] == "C001")
        // A new service over the store opened again, as after a restart.
        try await Self.withService(try await test.reopen()) { client, _ in
            let (status, shown) = try await QueueRouteTests.send(client, .get, "/v1/tickets/\(id)")
            let elapsed = Date().timeIntervalSince(start)
            #expect(status == .ok && shown["number"] as? String == "C001" && shown["issued_at"] as? String == issued)
            #expect(shown["status"] as? String == "waiting" && shown["ahead"] as? Double == 2 && shown["position"] as? Double == 3, "\(shown)")
            // The call time is estimated again at the moment asked, t after the ticket's place was known: a
            // ticket not yet called is expected no earlier than before (E[S | S > t] never falls as t grows),
            // and no later than t plus the first estimate (for a Gamma, E[S | S > t] ≤ t + E[S]); one second
            // more for the whole seconds in the text.
            let before = try #require(Self.date(ticket["call_at"])), after = try #require(Self.date(shown["call_at"]))
            #expect(after >= before, "call_at \(shown["call_at"] ?? "") before the restart's \(ticket["call_at"] ?? "")")
            #expect(after.timeIntervalSince(before) <= elapsed + 1, "call_at moved \(after.timeIntervalSince(before)) s in \(elapsed) s")
        }
    }

    /// The ticket's events over a live socket, followed by `Tools/reference/sse_probe.py` acting as the
    /// hall: an `update` at once, `called` within a second of the call, and the stream ends after the
    /// update that shows it served.
    @Test func ticketEventsArePushedWithinASecondOfACall() async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        try await Self.withService(test.store, .live) { client, operatorToken in
            #expect(try await QueueRouteTests.send(client, .put, "/v1/halls/near/queue", token: operatorToken, body: QueueRouteTests.queue(3)).0 == .ok)
            let (_, ticket) = try await QueueRouteTests.send(client, .post, "/v1/halls/near/tickets", body: #"{"service": "cash", "customer": "app-user-events"}"#)
            let id = try #require(ticket["id"] as? String), number = try #require(ticket["number"] as? String)
            let port = try #require(client.port)
            let script = Reference.repositoryRoot.appendingPathComponent("Tools/reference/sse_probe.py").path
            let output = try await ShellCommand.run("python3 '\(script)' http://127.0.0.1:\(port) \(id) near cash \(number) \(operatorToken)")
            let probe = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
            #expect(probe["status"] as? Int == 200 && (probe["content_type"] as? String)?.hasPrefix("text/event-stream") == true)
            let events = (probe["events"] as? [[String: Any]] ?? []).map { "\($0["event"] ?? "")/\($0["status"] ?? "")" }
            #expect(events == ["update/waiting", "called/called", "update/served"], "\(output)")
            let delay = try #require(probe["called_after_s"] as? Double)
            #expect(delay < 1, "the called event came \(delay) s after the call")
            print("ticket events: called pushed \(delay) s after the call was answered")
            // An unknown ticket has no stream: 404 before any event.
            #expect(try await QueueRouteTests.send(client, .get, "/v1/tickets/tkt_none/events").0 == .notFound)
        }
    }
}
