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

/// `/v1/coverage`, `/v1/gaps` and `/v1/suggest` over a store holding a 2 km street due east with 1,000
/// people along it, a 24-hour kiosk at its west end, and two shops (candidates) at 1,000 and 1,500 m.
@Suite struct PlanningRouteTests {
    static let west = Coordinate(latitude: 23.0, longitude: 113.0)
    static let plane = LocalPlane(origin: west)

    static func east(_ metres: Double, north: Double = 0) -> Coordinate { plane.unproject(x: metres, y: north) }

    /// The service, and the headers of a planner's token (suggestions need one).
    /// With `shopsAreChannels` the two shops are channels too (as the default OSM mapping makes every shop),
    /// so that no OSM candidate is left.
    func withService(population: Bool = true, shopsAreChannels: Bool = false, _ body: @Sendable (any TestClientProtocol, HTTPFields) async throws -> Void) async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try await PointRegistry(store: SpatiaLiteStore(path: directory.appendingPathComponent("s.sqlite").path))
        let nodes = (0...20).map { WalkingNetworkData.Node(osmID: Int64($0), coordinate: Self.east(Double($0) * 100)) }
        let edges = (0..<20).map { WalkingNetworkData.Edge(source: Int32($0), target: Int32($0 + 1), length: Geodesic.distance(nodes[$0].coordinate, nodes[$0 + 1].coordinate), highway: "residential") }
        let kiosk = PaymentPoint(id: "kiosk", name: "kiosk", kind: .kiosk, openingHours: OpeningHours("24/7"), location: Self.west)
        let shops = [CandidateSite(id: "shop-1000", name: "便利店", location: Self.east(1_000, north: 10)),
                     CandidateSite(id: "shop-1500", name: "超市", location: Self.east(1_500, north: 10))]
        let shopChannels = shopsAreChannels ? shops.map { PaymentPoint(id: $0.id, name: $0.name, kind: .agency, openingHours: OpeningHours("24/7"), location: $0.location) } : []
        try await registry.apply(PointChange(upserts: [kiosk] + shopChannels), layers: OSMLayers(network: WalkingNetworkData(nodes: nodes, edges: edges), candidates: shops))
        if population {
            let ring = [Self.east(-50, north: -100), Self.east(2_050, north: -100), Self.east(2_050, north: 100), Self.east(-50, north: 100), Self.east(-50, north: -100)]
            try await registry.store.replaceAreas([PopulationArea(id: "street", name: "东街社区", population: 1_000, polygons: [[ring]])])
        }
        var planner = HTTPFields()
        planner[.authorization] = "Bearer " + (try await registry.store.createToken(name: "planning office", role: .planner).secret)
        let app = Application(router: try await PayCircleService.loading(registry).router())
        try await app.test(.router) { [planner] client in try await body(client, planner) }
    }

    @Test func coverageCountsThePeopleWithinTenMinutes() async throws {
        try await withService { client, planner in
            try await client.execute(uri: "/v1/coverage?minutes=10", method: .get) { response in
                #expect(response.status == .ok)
                let body = try HTTPRouteTests.json(response)
                #expect(body["population"] as? Double == 1_000)
                #expect(abs((body["covered_share"] as? Double ?? 0) - 833.33 / 2_000) < 0.006)
                let area = try #require((body["areas"] as? [[String: Any]])?.first)
                #expect(area["name"] as? String == "东街社区" && area["method"] as? String == "streets")
                #expect(area["median_walk_s"] as? Double != nil)
            }
            try await client.execute(uri: "/v1/coverage?format=png", method: .get) { response in
                #expect(response.headers[.contentType] == "image/png")
                #expect(Array(Data(buffer: response.body).prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            }
        }
    }

    @Test func gapsAndSuggestionsNameTheUncoveredAreaAndTheBestShop() async throws {
        try await withService { client, planner in
            try await client.execute(uri: "/v1/gaps?threshold=0.9&format=geojson", method: .get) { response in
                #expect(response.headers[.contentType] == "application/geo+json; charset=utf-8")
                let features = try #require(try HTTPRouteTests.json(response)["features"] as? [[String: Any]])
                #expect(features.count == 1)
                #expect((features[0]["geometry"] as? [String: Any])?["type"] as? String == "Polygon")
            }
            try await client.execute(uri: "/v1/suggest?sites=1", method: .get, headers: planner) { response in
                let body = try HTTPRouteTests.json(response)
                let site = try #require((body["sites"] as? [[String: Any]])?.first)
                #expect(site["candidate_id"] as? String == "shop-1500")
                #expect(abs((site["covered_share_after"] as? Double ?? 0) - 1) < 0.006)
                #expect(body["candidates"] as? Int == 2)
            }
        }
    }

    /// When every shop is already a channel, a suggestion without flags chooses among grid points and says
    /// so; asking for OSM shops explicitly is a 400 that names `candidates`.
    @Test func aSuggestionWithoutShopsFallsBackToTheGrid() async throws {
        try await withService(shopsAreChannels: true) { client, planner in
            try await client.execute(uri: "/v1/suggest?sites=1", method: .get, headers: planner) { response in
                #expect(response.status == .ok)
                let body = try HTTPRouteTests.json(response)
                #expect(body["candidate_source"] as? String == "grid" && (body["candidate_note"] as? String)?.contains("grid points") == true, "\(body)")
                // Grid points every 250 m from 125 m inside the area's west edge (-50 m): at 75, 325, … 1,825 m, eight
                // in the 2.1 km street's area (the shops cover it already, so none is chosen).
                #expect(body["candidates"] as? Int == 8, "\(body)")
            }
            try await HTTPRouteTests.expectBadRequest(client, "/v1/suggest?candidates=osm", field: "candidates", headers: planner)
        }
        try await withService { client, planner in
            try await client.execute(uri: "/v1/suggest?sites=1", method: .get, headers: planner) { response in
                let body = try HTTPRouteTests.json(response)
                #expect(body["candidate_source"] as? String == "osm" && body["candidate_note"] == nil)
            }
        }
    }

    /// The 24/7 kiosk covers the same people every hour (the first 833⅓ m of the 2 km street).
    @Test func coverageRoundTheClockOverHTTP() async throws {
        try await withService { client, _ in
            try await client.execute(uri: "/v1/coverage/hours?date=2026-12-01", method: .get) { response in
                #expect(response.status == .ok)
                let body = try HTTPRouteTests.json(response)
                let hours = body["hours"] as? [[String: Any]] ?? []
                #expect(body["time_zone"] as? String == "Asia/Shanghai" && hours.count == 24 && hours.first?["at"] as? String == "2026-11-30T16:00:00Z", "\(body)")
                #expect(hours.compactMap { $0["covered_population"] as? Double }.allSatisfy { abs($0 - 416.67) <= 6 }, "\(hours)")
            }
            try await HTTPRouteTests.expectBadRequest(client, "/v1/coverage/hours?date=tomorrow", field: "date")
        }
    }

    /// What if: the west kiosk alone covers 416⅔ of the street's 1,000 people (its first 833⅓ m); a new
    /// site at the east end adds as many again; without the kiosk nobody is covered. Unknown ids and bad
    /// sites name their place in the body; a planner token is needed.
    @Test func whatIfAddsSitesAndTakesChannelsAway() async throws {
        try await withService { client, planner in
            func ask(_ body: String, headers: HTTPFields) async throws -> (HTTPResponse.Status, [String: Any]) {
                try await client.execute(uri: "/v1/coverage/what-if", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                    (response.status, (try? HTTPRouteTests.json(response)) ?? [:])
                }
            }
            let east = Self.east(2_000)
            let (added, more) = try await ask(#"{"add": [{"lat": \#(east.latitude), "lon": \#(east.longitude)}]}"#, headers: planner)
            #expect(added == .ok && abs((more["covered_population"] as? Double ?? 0) - 833.33) <= 10, "\(more)")
            #expect((more["what_if"] as? [String: Any])?["added"] as? Int == 1 && (more["channels"] as? [String: Any])?["counted"] as? Int == 2)
            let (_, none) = try await ask(#"{"remove": ["kiosk"], "minutes": 10}"#, headers: planner)
            #expect(none["covered_population"] as? Double == 0, "\(none)")
            for (body, field) in [(#"{"remove": ["nope"]}"#, "remove[0]"), (#"{"add": [{"lat": 91, "lon": 0}]}"#, "add[0]"), (#"{"minutes": 0}"#, "minutes")] {
                let (status, answer) = try await ask(body, headers: planner)
                #expect(status == .badRequest && (answer["error"] as? [String: Any])?["field"] as? String == field, "\(body): \(answer)")
            }
            #expect(try await ask("{}", headers: [:]).0 == .unauthorized)
        }
    }

    @Test func badParametersAndMissingPopulationAre400() async throws {
        try await withService { client, planner in
            try await HTTPRouteTests.expectBadRequest(client, "/v1/coverage?minutes=0", field: "minutes")
            try await HTTPRouteTests.expectBadRequest(client, "/v1/coverage?at=yesterday", field: "at")
            try await HTTPRouteTests.expectBadRequest(client, "/v1/coverage?kind=shop", field: "kind")
            try await HTTPRouteTests.expectBadRequest(client, "/v1/gaps?threshold=2", field: "threshold")
            try await HTTPRouteTests.expectBadRequest(client, "/v1/gaps?format=svg", field: "format")
            try await HTTPRouteTests.expectBadRequest(client, "/v1/suggest?sites=500", field: "sites", headers: planner)
            try await HTTPRouteTests.expectBadRequest(client, "/v1/suggest?candidates=file", field: "candidates", headers: planner)
        }
        try await withService(population: false) { client, _ in
            try await client.execute(uri: "/v1/coverage", method: .get) { response in
                #expect(response.status == .badRequest)
                let error = try #require(try HTTPRouteTests.json(response)["error"] as? [String: Any])
                #expect(error["code"] as? String == "no_population")
            }
        }
    }
}
