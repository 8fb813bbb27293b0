import Foundation
import Hummingbird
import HummingbirdTesting
import PayCircleCore
import PayCircleNetwork
import PayCircleServer
import PayCircleSpatiaLite
import PayCircleStore
import PayCircleTestSupport
import Testing

/// The map pages in a real browser: headless Chromium loads them from a live server over a test city
/// with Chinese names, and the pages report in `data-*` attributes of their body what they drew and any
/// script error. Screenshots are kept in test-artifacts/.
@Suite(.serialized) struct MapPageBrowserTests {
    static let plane = LocalPlane(origin: Coordinate(latitude: 23.02, longitude: 113.75))

    /// A 9 × 9 street grid 150 m apart (东西路 rows, 南北街 columns), a hall in the middle and another at
    /// the edge (with a queue report), two 24-hour kiosks, a bank booth and a convenience store; 8,000
    /// people in two districts.
    static func city(in registry: PointRegistry) async throws {
        var network = WalkingNetworkData()
        for row in 0..<9 {
            for column in 0..<9 {
                network.nodes.append(.init(osmID: Int64(row * 9 + column + 1), coordinate: plane.unproject(x: Double(column) * 150, y: Double(row) * 150)))
            }
        }
        func link(_ a: Int, _ b: Int, _ name: String) {
            network.edges.append(.init(source: Int32(a), target: Int32(b), length: Geodesic.distance(network.nodes[a].coordinate, network.nodes[b].coordinate),
                                       highway: "residential", name: name))
        }
        for row in 0..<9 {
            for column in 0..<9 {
                if column < 8 { link(row * 9 + column, row * 9 + column + 1, "东西\(row)路") }
                if row < 8 { link(row * 9 + column, (row + 1) * 9 + column, "南北\(column)街") }
            }
        }
        func at(_ x: Double, _ y: Double) -> Coordinate { plane.unproject(x: x, y: y) }
        let points = [
            PaymentPoint(id: "hall-1", name: "南城营业厅", kind: .hall, grade: .a, services: [.cash, .card, .invoice],
                         openingHours: OpeningHours("Mo-Fr 08:30-17:30"), location: at(600, 610)),
            PaymentPoint(id: "kiosk-1", name: "自助缴费终端(鸿福路)", kind: .kiosk, services: [.card, .qr], openingHours: OpeningHours("24/7"), location: at(910, 450)),
            PaymentPoint(id: "kiosk-2", name: "自助缴费终端(西门)", kind: .kiosk, services: [.card, .qr], openingHours: OpeningHours("24/7"), location: at(150, 1_060)),
            PaymentPoint(id: "atm-1", name: "工商银行自助银行", kind: .bankBooth, services: [.card], openingHours: OpeningHours("24/7"), location: at(310, 300)),
            PaymentPoint(id: "hall-2", name: "东城营业厅", kind: .hall, grade: .b, services: [.cash, .card, .invoice],
                         openingHours: OpeningHours("Mo-Fr 08:30-17:30"), location: at(1_150, 160)),
            PaymentPoint(id: "shop-1", name: "美宜佳便利店", kind: .agency, agencyType: .convenience, services: [.cash, .qr],
                         openingHours: OpeningHours("Mo-Su 07:00-23:00"), location: at(1_050, 1_210)),
        ]
        try await registry.apply(PointChange(upserts: points), layers: OSMLayers(network: network))
        // A week before the screen's Tuesday 10:00, this hall's machine reported one waiting at 14:00 and
        // three at 16:00 at one counter of 60 s (walk-in waits of 120 s and 240 s): the quieter hours left.
        for (hour, waiting) in [(14, 1), (16, 3)] {
            try await registry.store.recordQueueReport(QueueReport(hallID: "hall-1", reportedAt: Date(timeIntervalSince1970: 1_794_880_800 + Double(hour - 10) * 3_600),
                                                             services: [.cash: ServiceQueue(waiting: waiting, openCounters: 1, handlingSeconds: 60)]))
        }
        // The other hall's queue machine has just reported 6 waiting at 2 counters of 150 s.
        try await registry.store.recordQueueReport(QueueReport(hallID: "hall-2", reportedAt: Date(),
                                                         services: [.cash: ServiceQueue(waiting: 6, openCounters: 2, handlingSeconds: 150)]))
        func square(_ x0: Double, _ x1: Double) -> [[Coordinate]] { [[at(x0, -20), at(x1, -20), at(x1, 1_220), at(x0, 1_220), at(x0, -20)]] }
        try await registry.store.replaceAreas([PopulationArea(id: "west", name: "西区", population: 3_000, polygons: [square(-20, 600)]),
                                         PopulationArea(id: "east", name: "东区", population: 5_000, polygons: [square(600, 1_220)])])
    }

    /// The body's attributes after Chromium ran the page's scripts, and a screenshot.
    static func render(_ url: String, screenshot name: String) async throws -> [String: String] {
        let artifacts = Reference.repositoryRoot.appendingPathComponent("test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--virtual-time-budget=20000", "--window-size=1280,800"]
        _ = try await ExternalProgram.run("/usr/bin/chromium", common + ["--screenshot=" + artifacts.appendingPathComponent(name).path, url])
        let dom = try await ExternalProgram.run("/usr/bin/chromium", common + ["--dump-dom", url])
        let bodyTag = try #require(dom.range(of: #"<body[^>]*>"#, options: .regularExpression).map { String(dom[$0]) }, "no body in \(dom.prefix(300))")
        var attributes: [String: String] = [:]
        let pattern = try NSRegularExpression(pattern: #"([a-z-]+)="([^"]*)""#)
        for match in pattern.matches(in: bodyTag, range: NSRange(bodyTag.startIndex..., in: bodyTag)) {
            attributes[String(bodyTag[Range(match.range(at: 1), in: bodyTag)!])] = String(bodyTag[Range(match.range(at: 2), in: bodyTag)!])
        }
        return attributes
    }

    static func withLiveServer(_ body: @Sendable (any TestClientProtocol, Int) async throws -> Void) async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try await PointRegistry(store: SpatiaLiteStore(path: directory.appendingPathComponent("s.sqlite").path))
        try await Self.city(in: registry)
        var service = try await PayCircleService.loading(registry)
        // Schemathesis (OpenAPITests) sends thousands of requests from one address through this server.
        service.surface.rateLimits = nil
        #expect(service.leaflet != nil, "Leaflet (libjs-leaflet) is not installed")
        let app = Application(router: service.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in try await body(client, try #require(client.port)) }
    }

    @Test func theHallScreenDrawsTheRouteTheChannelsAndTheIsochroneWithoutErrors() async throws {
        try await Self.withLiveServer { _, port in
            // Shown as at a Tuesday morning in Beijing, when every channel is open.
            let page = try await Self.render("http://127.0.0.1:\(port)/screen?hall=hall-1&at=2026-11-24T10:00:00%2B08:00", screenshot: "screen.png")
            #expect(page["data-state"] == "ready", "\(page)")
            #expect(page["data-errors"] == "0")
            #expect(page["data-isochrone"] == "1")
            #expect(Int(page["data-route"] ?? "") ?? 0 >= 2, "route steps")
            #expect(page["data-channels"] == "5", "the five other channels")
            // The hall's own quieter hours left that Tuesday, from the Tuesday before: 14:00 before 16:00.
            #expect(page["data-quiet-hours"] == "14,16", "\(page)")
            #expect(page["data-halls"] == "1", "the other hall and its wait")
            #expect(Int(page["data-streets"] ?? "") ?? 0 > 50)
        }
    }

    @Test func theScreenShowsTheOtherHallsLiveWait() async throws {
        try await Self.withLiveServer { _, port in
            // Now (whatever the hour): the other hall's report is fresh, so its wait is known.
            let page = try await Self.render("http://127.0.0.1:\(port)/screen?hall=hall-1", screenshot: "screen-now.png")
            #expect(page["data-state"] == "ready" && page["data-errors"] == "0", "\(page)")
            #expect(page["data-halls"] == "1" && page["data-hall-waits-known"] == "1", "\(page)")
        }
    }

    @Test func atNightTheScreenLeavesOutTheClosedShop() async throws {
        try await Self.withLiveServer { _, port in
            // 02:00 in Beijing: the convenience store (07:00-23:00) and the other hall are closed; the three
            // 24-hour channels remain.
            let page = try await Self.render("http://127.0.0.1:\(port)/screen?hall=hall-1&at=2026-11-25T02:00:00%2B08:00", screenshot: "screen-night.png")
            #expect(page["data-state"] == "ready" && page["data-errors"] == "0", "\(page)")
            #expect(page["data-channels"] == "3", "the kiosks and the bank booth")
        }
    }

    @Test func theGeneralAndPlannerViewsDrawWithoutErrors() async throws {
        try await Self.withLiveServer { client, port in
            let general = try await Self.render("http://127.0.0.1:\(port)/", screenshot: "general.png")
            #expect(general["data-state"] == "ready" && general["data-errors"] == "0", "\(general)")
            #expect(general["data-channels"] == "6")
            let planner = try await Self.render("http://127.0.0.1:\(port)/planner?hour=3", screenshot: "planner.png")
            #expect(planner["data-state"] == "ready" && planner["data-errors"] == "0", "\(planner)")
            #expect(planner["data-streets"] == "144")
            // Coverage and gaps were fetched and drawn (every district here is within reach: no gap).
            #expect(planner["data-gaps"] == "0")
            #expect(planner["data-hours"] == "24", "the day's coverage chart")
            // The page counts open channels as /v1/coverage does at the same moment.
            #expect(Int(planner["data-open-channels"] ?? "") != nil, "\(planner)")
            let moment = try #require(planner["data-at"]?.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            try await client.execute(uri: "/v1/coverage?at=\(moment)", method: .get) { response in
                let channels = try HTTPRouteTests.json(response)["channels"] as? [String: Any]
                #expect((channels?["counted"] as? Int).map(String.init) == planner["data-open-channels"], "\(planner)")
            }
        }
    }

    @Test func aScreenForAnUnknownHallIs404AndWithoutOneIs400() async throws {
        try await Self.withLiveServer { client, _ in
            for (path, status) in [("/screen?hall=nope", 404), ("/screen", 400), ("/screen?hall=hall-1&at=tomorrow", 400), ("/assets/leaflet.js", 200), ("/assets/paycircle.js", 200)] {
                try await client.execute(uri: path, method: .get) { response in #expect(response.status.code == status, "\(path)") }
            }
        }
    }
}
