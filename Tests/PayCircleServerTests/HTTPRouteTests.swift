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

@Suite struct HTTPRouteTests {
    static let centre = Coordinate(latitude: 23.0200, longitude: 113.7500)

    static let points = [
        PaymentPoint(id: "hall-nancheng", name: "南城营业厅", kind: .hall, grade: .a, services: [.cash, .card, .invoice],
                     openingHours: OpeningHours("Mo-Fr 08:30-17:30"), location: Coordinate(latitude: 23.0230, longitude: 113.7500)),
        PaymentPoint(id: "kiosk-1", name: "自助缴费终端", kind: .kiosk, services: [.card, .qr],
                     openingHours: OpeningHours("24/7"), location: Coordinate(latitude: 23.0210, longitude: 113.7500)),
        PaymentPoint(id: "shop-1", name: "美宜佳便利店", kind: .agency, agencyType: .convenience, services: [.cash, .qr],
                     openingHours: OpeningHours("Mo-Su 07:00-23:00"), location: Coordinate(latitude: 23.0200, longitude: 113.7520)),
    ]

    /// 鸿福路 runs east-west through the centre; a footway runs north from it along longitude 113.75.
    static let network: WalkingNetworkData = {
        let nodes = [Coordinate(latitude: 23.02, longitude: 113.748), Coordinate(latitude: 23.02, longitude: 113.75),
                     Coordinate(latitude: 23.02, longitude: 113.753), Coordinate(latitude: 23.024, longitude: 113.75)]
        func edge(_ s: Int32, _ t: Int32, _ highway: String, _ name: String?) -> WalkingNetworkData.Edge {
            .init(source: s, target: t, length: Geodesic.distance(nodes[Int(s)], nodes[Int(t)]), highway: highway, name: name)
        }
        return WalkingNetworkData(nodes: nodes.enumerated().map { .init(osmID: Int64($0.offset), coordinate: $0.element) },
                                  edges: [edge(0, 1, "primary", "鸿福路"), edge(1, 2, "primary", "鸿福路"), edge(1, 3, "footway", nil)])
    }()

    /// Runs `body` against the router of a service over a fresh store holding `points` (and the walking
    /// network when `withNetwork`), loaded from the store as `paycircle serve` does.
    func withService(withNetwork: Bool = false, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try await PointRegistry(store: SpatiaLiteStore(path: directory.appendingPathComponent("s.sqlite").path))
        try await registry.apply(PointChange(upserts: Self.points), layers: withNetwork ? OSMLayers(network: Self.network) : nil)
        let graph = WalkingGraph(try await registry.store.loadNetwork())
        let app = Application(router: PayCircleService(registry: registry, graph: graph).router())
        try await app.test(.router) { client in try await body(client) }
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    static func expectBadRequest(_ client: any TestClientProtocol, _ uri: String, field: String, headers: HTTPFields = [:]) async throws {
        try await client.execute(uri: uri, method: .get, headers: headers) { response in
            #expect(response.status == .badRequest, "\(uri)")
            let error = try #require(try json(response)["error"] as? [String: Any])
            #expect(error["field"] as? String == field, "\(uri)")
            #expect(error["code"] as? String != nil && (error["message"] as? String)?.isEmpty == false)
        }
    }

    @Test func healthz() async throws {
        try await withService { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect(body["points"] as? Int == 3)
            }
        }
    }

    @Test func nearestInTheDesignShape() async throws {
        try await withService { client in
            try await client.execute(uri: "/v1/nearest?lat=23.02&lon=113.75&k=2&at=2026-11-23T22:30:00%2B08:00", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let body = try Self.json(response)
                let results = try #require(body["results"] as? [[String: Any]])
                #expect(results.map { $0["id"] as? String } == ["kiosk-1", "shop-1"])
                #expect(results[0]["name"] as? String == "自助缴费终端")
                #expect(results[0]["open"] as? Bool == true)
                #expect(results[0].keys.contains("walk_m") && results[0]["walk_m"] is NSNull)
                let distance = try #require(results[0]["distance_m"] as? Double)
                #expect(abs(distance - Geodesic.distance(Self.centre, Self.points[1].location)) < 0.01)
                #expect((body["query"] as? [String: Any])?["open_only"] as? Bool == true)
            }
            try await client.execute(uri: "/v1/nearest?lat=23.02&lon=113.75&k=5&kind=hall,kiosk&service=card", method: .get) { response in
                let results = try #require(try Self.json(response)["results"] as? [[String: Any]])
                #expect(results.map { $0["id"] as? String } == ["kiosk-1", "hall-nancheng"])
            }
        }
    }

    @Test func nearestSpeaksGCJ02AndBD09() async throws {
        for crs in [CoordinateSystem.gcj02, .bd09] {
            let asSent = crs.fromWGS84(Self.centre)
            try await withService { client in
                try await client.execute(uri: "/v1/nearest?lat=\(asSent.latitude)&lon=\(asSent.longitude)&k=1&crs=\(crs.rawValue)", method: .get) { response in
                    let first = try #require((try Self.json(response)["results"] as? [[String: Any]])?.first)
                    #expect(first["id"] as? String == "kiosk-1")
                    let expected = crs.fromWGS84(Self.points[1].location)
                    #expect(abs((first["lat"] as? Double ?? 0) - expected.latitude) < 1e-6)
                    #expect(abs((first["lon"] as? Double ?? 0) - expected.longitude) < 1e-6)
                    let distance = try #require(first["distance_m"] as? Double)
                    #expect(abs(distance - 111.2) < 1, "\(crs): the query must be converted before ranking")
                }
            }
        }
    }

    @Test func nearestRejectsBadParametersNamingTheField() async throws {
        try await withService { client in
            try await Self.expectBadRequest(client, "/v1/nearest?lon=113.75", field: "lat")
            try await Self.expectBadRequest(client, "/v1/nearest?lat=abc&lon=113.75", field: "lat")
            try await Self.expectBadRequest(client, "/v1/nearest?lat=95&lon=113.75", field: "lat")
            try await Self.expectBadRequest(client, "/v1/nearest?lat=23&lon=200", field: "lon")
            try await Self.expectBadRequest(client, "/v1/nearest?lat=23&lon=113&k=0", field: "k")
            try await Self.expectBadRequest(client, "/v1/nearest?lat=23&lon=113&k=101", field: "k")
            try await Self.expectBadRequest(client, "/v1/nearest?lat=23&lon=113&k=2.5", field: "k")
            try await Self.expectBadRequest(client, "/v1/nearest?lat=23&lon=113&kind=shop", field: "kind")
            try await Self.expectBadRequest(client, "/v1/nearest?lat=23&lon=113&service=cheque", field: "service")
            try await Self.expectBadRequest(client, "/v1/nearest?lat=23&lon=113&at=tonight", field: "at")
            try await Self.expectBadRequest(client, "/v1/nearest?lat=23&lon=113&crs=epsg3857", field: "crs")
            try await Self.expectBadRequest(client, "/v1/nearest?lat=23&lon=113&radius=-5", field: "radius")
            try await Self.expectBadRequest(client, "/v1/nearest?lat=23&lon=113&by=car", field: "by")
            try await Self.expectBadRequest(client, "/v1/nearest?lat=23&lon=113&by=walk", field: "by")
            try await Self.expectBadRequest(client, "/v1/nearest?lat=NaN&lon=113", field: "lat")
        }
    }

    @Test func pointById() async throws {
        try await withService { client in
            try await client.execute(uri: "/v1/points/hall-nancheng", method: .get) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect(body["name"] as? String == "南城营业厅")
                #expect(body["grade"] as? String == "A")
                #expect(body["opening_hours"] as? String == "Mo-Fr 08:30-17:30")
            }
            // An id sent percent-encoded (as browsers and URL builders send `:` and CJK) is decoded.
            try await client.execute(uri: "/v1/points/%68all-nancheng", method: .get) { response in
                let body = try Self.json(response)
                #expect(body["id"] as? String == "hall-nancheng")
            }
            try await client.execute(uri: "/v1/points/nope", method: .get) { response in
                #expect(response.status == .notFound)
                let error = try Self.json(response)["error"] as? [String: Any]
                #expect(error?["code"] as? String == "not_found")
            }
        }
    }

    @Test func pointsInABoundingBoxAsGeoJSON() async throws {
        try await withService { client in
            try await client.execute(uri: "/v1/points?bbox=113.749,23.019,113.753,23.022", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/geo+json") == true)
                let body = try Self.json(response)
                #expect(body["type"] as? String == "FeatureCollection")
                let features = try #require(body["features"] as? [[String: Any]])
                #expect(features.map { $0["id"] as? String } == ["kiosk-1", "shop-1"])
                let geometry = try #require(features[0]["geometry"] as? [String: Any])
                #expect(geometry["coordinates"] as? [Double] == [113.75, 23.021])
            }
            try await client.execute(uri: "/v1/points?bbox=113.7,23.0,113.8,23.1&kind=hall", method: .get) { response in
                let features = try #require(try Self.json(response)["features"] as? [[String: Any]])
                #expect(features.map { $0["id"] as? String } == ["hall-nancheng"])
            }
            try await Self.expectBadRequest(client, "/v1/points", field: "bbox")
            try await Self.expectBadRequest(client, "/v1/points?bbox=1,2,3", field: "bbox")
            try await Self.expectBadRequest(client, "/v1/points?bbox=114,23,113,24", field: "bbox")
            try await Self.expectBadRequest(client, "/v1/points?bbox=113,23,114,24&kind=bank", field: "kind")
            try await Self.expectBadRequest(client, "/v1/points?bbox=113,23,114,24&limit=0", field: "limit")
        }
    }

    @Test func routeToAPointWithStepsAndGeometry() async throws {
        try await withService(withNetwork: true) { client in
            try await client.execute(uri: "/v1/route?from=23.0200,113.7490&to_point=hall-nancheng", method: .get) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                let geometry = try #require(body["geometry"] as? [String: Any])
                #expect(geometry["type"] as? String == "LineString")
                let line = try #require(geometry["coordinates"] as? [[Double]])
                #expect(line.first == [113.749, 23.02] && line.last == [113.75, 23.023])
                let expected = Geodesic.distance(Coordinate(latitude: 23.02, longitude: 113.749), Coordinate(latitude: 23.02, longitude: 113.75))
                    + Geodesic.distance(Coordinate(latitude: 23.02, longitude: 113.75), Coordinate(latitude: 23.023, longitude: 113.75))
                #expect(abs((body["distance_m"] as? Double ?? 0) - expected) < 0.1)
                let steps = try #require(body["steps"] as? [[String: Any]])
                #expect(steps.map { $0["instruction"] as? String } == ["Head east on 鸿福路", "Turn left onto the footway", "Arrive at your destination"])
                #expect(steps[0]["name"] as? String == "鸿福路")
                #expect(body["to_point"] as? String == "hall-nancheng")
            }
        }
    }

    @Test func routeRejectsBadInput() async throws {
        try await withService(withNetwork: true) { client in
            try await Self.expectBadRequest(client, "/v1/route?to=23.02,113.75", field: "from")
            try await Self.expectBadRequest(client, "/v1/route?from=23.02&to=23.02,113.75", field: "from")
            try await Self.expectBadRequest(client, "/v1/route?from=23.02,113.75", field: "to")
            try await Self.expectBadRequest(client, "/v1/route?from=23.02,113.75&to=23.03,113.75&to_point=kiosk-1", field: "to")
            try await Self.expectBadRequest(client, "/v1/route?from=23.02,113.75&to=24.5,113.75", field: "to")
            try await client.execute(uri: "/v1/route?from=23.02,113.75&to_point=nope", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
        try await withService { client in
            try await client.execute(uri: "/v1/route?from=23.02,113.75&to=23.021,113.75", method: .get) { response in
                #expect(response.status == .badRequest)
                let error = try Self.json(response)["error"] as? [String: Any]
                #expect(error?["code"] as? String == "no_network")
            }
        }
    }

    @Test func nearestByWalkReportsWalkingDistanceAndTime() async throws {
        try await withService(withNetwork: true) { client in
            try await client.execute(uri: "/v1/nearest?lat=23.0200&lon=113.7490&by=walk&k=3", method: .get) { response in
                #expect(response.status == .ok)
                let results = try #require(try Self.json(response)["results"] as? [[String: Any]])
                #expect(results.count == 3)
                for result in results {
                    let walk = try #require(result["walk_m"] as? Double)
                    let straight = try #require(result["distance_m"] as? Double)
                    #expect(walk >= straight - 0.1)
                    #expect(abs((result["walk_s"] as? Double ?? 0) - walk / (5 / 3.6)) <= 1)
                    #expect(result["reachable"] as? Bool == true)
                }
                let times = results.compactMap { $0["walk_s"] as? Double }
                #expect(times == times.sorted())
            }
        }
    }

    @Test func isochroneAsJSONAndGeoJSON() async throws {
        try await withService(withNetwork: true) { client in
            try await client.execute(uri: "/v1/isochrone?lat=23.0200&lon=113.7500&minutes=1", method: .get) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                // One minute is 83.3 m each way along 鸿福路 and up the footway: 250 m of network.
                #expect(abs((body["network_length_m"] as? Double ?? 0) - 3 * 5000 / 60.0) <= 1)
                #expect((body["area_m2"] as? Double ?? 0) > 250 * 60)
                #expect((body["geometry"] as? [String: Any])?["type"] as? String == "Polygon")
            }
            try await client.execute(uri: "/v1/isochrone?lat=23.0200&lon=113.7500&format=geojson", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("application/geo+json") == true)
                let body = try Self.json(response)
                #expect(body["type"] as? String == "Feature")
            }
            try await Self.expectBadRequest(client, "/v1/isochrone?lat=23.02&lon=113.75&minutes=0", field: "minutes")
            try await Self.expectBadRequest(client, "/v1/isochrone?lat=23.02&lon=113.75&minutes=61", field: "minutes")
            try await Self.expectBadRequest(client, "/v1/isochrone?lat=23.02", field: "lon")
            try await Self.expectBadRequest(client, "/v1/isochrone?lat=23.5&lon=113.75", field: "lat")
            try await Self.expectBadRequest(client, "/v1/isochrone?lat=23.02&lon=113.75&format=kml", field: "format")
        }
    }
}
