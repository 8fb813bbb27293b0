import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import PayCircleCore
import PayCircleServer
import PayCircleSpatiaLite
import PayCircleStore
import PayCircleTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The public surface on a live server (real sockets from 127.0.0.1): rate limits per client address and
/// through trusted proxies, the heavy-work deadline, idle connections closed, security headers, links from
/// the configured public address, NUL ids, the planner token of suggest and the planning cache.
@Suite struct PublicSurfaceTests {
    struct Fixture: Sendable {
        let registry: PointRegistry
        let admin: String
        let planner: String
        let port: Int
    }

    /// The public surface of these tests: the standard one, but connections wait long for the test client,
    /// which may not get a thread for seconds while the whole suite runs on two cores.
    static var patient: PublicSurface {
        var surface = PublicSurface.standard
        surface.idleTimeout = .seconds(600)
        return surface
    }

    /// The city of ``HTTPRouteTests`` (three channels, a street) with two districts of people, served live
    /// with `surface`.
    func withLiveService(_ surface: PublicSurface, _ body: @Sendable (any TestClientProtocol, Fixture) async throws -> Void) async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try await PointRegistry(store: SpatiaLiteStore(path: directory.appendingPathComponent("s.sqlite").path))
        try await registry.apply(PointChange(upserts: HTTPRouteTests.points), layers: OSMLayers(network: HTTPRouteTests.network))
        let ring = [Coordinate(latitude: 23.018, longitude: 113.746), Coordinate(latitude: 23.018, longitude: 113.756),
                    Coordinate(latitude: 23.026, longitude: 113.756), Coordinate(latitude: 23.026, longitude: 113.746),
                    Coordinate(latitude: 23.018, longitude: 113.746)]
        try await registry.store.replaceAreas([PopulationArea(id: "town", name: "南城", population: 10_000, polygons: [[ring]])])
        let admin = try await registry.store.createToken(name: "office", role: .admin).secret
        let planner = try await registry.store.createToken(name: "planning office", role: .planner).secret
        var service = try await PayCircleService.loading(registry)
        service.surface = surface
        try await service.application(host: "127.0.0.1", port: 0).test(.live) { client in
            try await body(client, Fixture(registry: registry, admin: admin, planner: planner, port: try #require(client.port)))
        }
    }

    static func get(_ client: any TestClientProtocol, _ uri: String, headers: [String: String] = [:]) async throws -> (Int, HTTPFields, [String: Any]) {
        var fields = HTTPFields()
        for (name, value) in headers { fields[HTTPField.Name(name)!] = value }
        return try await client.execute(uri: uri, method: .get, headers: fields) { response in
            (response.status.code, response.headers, (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:])
        }
    }

    static let nearest = "/v1/nearest?lat=23.02&lon=113.75&k=2"

    @Test func eachClientAddressHasItsOwnLimitAndIsToldWhenToComeBack() async throws {
        var surface = Self.patient
        surface.rateLimits = RateLimits(anonymous: [.light: .perMinute(6, burst: 3)], authenticated: [.light: .perMinute(60, burst: 20)])
        surface.trustedProxies = TrustedProxies([AddressBlock("127.0.0.1")!])
        try await withLiveService(surface) { client, fixture in
            let alice = ["X-Forwarded-For": "203.0.113.1"], bob = ["X-Forwarded-For": "198.51.100.7, 127.0.0.1"]
            for _ in 0..<3 { #expect(try await Self.get(client, Self.nearest, headers: alice).0 == 200) }
            let (status, headers, body) = try await Self.get(client, Self.nearest, headers: alice)
            // The bucket holds 3 and refills one every 10 s: the next one in at most 10 s.
            #expect(status == 429 && (1...10).contains(Int(headers[.retryAfter] ?? "") ?? 0), "\(headers)")
            #expect((body["error"] as? [String: Any])?["code"] as? String == "rate_limited")
            // Another client behind the same proxy is not affected; nor is a token holder.
            #expect(try await Self.get(client, Self.nearest, headers: bob).0 == 200)
            #expect(try await Self.get(client, Self.nearest, headers: alice.merging(["Authorization": "Bearer " + fixture.planner]) { a, _ in a }).0 == 200)
        }
    }

    @Test func forwardedForFromAnUntrustedAddressIsIgnored() async throws {
        var surface = Self.patient
        surface.rateLimits = RateLimits(anonymous: [.light: .perMinute(6, burst: 2)], authenticated: [:])
        try await withLiveService(surface) { client, _ in
            // Without --trusted-proxy the header cannot make 127.0.0.1 look like several clients.
            var statuses: [Int] = []
            for address in ["203.0.113.1", "203.0.113.2", "203.0.113.3"] {
                statuses.append(try await Self.get(client, Self.nearest, headers: ["X-Forwarded-For": address]).0)
            }
            #expect(statuses == [200, 200, 429])
        }
    }

    @Test func heavyWorkPastItsDeadlineIs503AndLightWorkGoesOn() async throws {
        var surface = Self.patient
        surface.timeLimit = .nanoseconds(1)
        try await withLiveService(surface) { client, fixture in
            let (status, headers, body) = try await Self.get(client, "/v1/suggest?candidates=grid&minutes=60&target_share=1",
                                                             headers: ["Authorization": "Bearer " + fixture.planner])
            #expect(status == 503 && headers[.retryAfter] != nil, "\(body)")
            #expect((body["error"] as? [String: Any])?["code"] as? String == "deadline_exceeded")
            #expect(try await Self.get(client, Self.nearest).0 == 200)
        }
    }

    @Test func suggestionsNeedAPlannerToken() async throws {
        try await withLiveService(Self.patient) { client, fixture in
            let path = "/v1/suggest?candidates=grid&sites=1"
            #expect(try await Self.get(client, path).0 == 401)
            #expect(try await Self.get(client, path, headers: ["Authorization": "Bearer pc_nothing"]).0 == 401)
            let operatorToken = try await fixture.registry.store.createToken(name: "kiosk", role: .operator).secret
            #expect(try await Self.get(client, path, headers: ["Authorization": "Bearer " + operatorToken]).0 == 403)
            let (status, _, body) = try await Self.get(client, path, headers: ["Authorization": "Bearer " + fixture.planner])
            #expect(status == 200 && (body["sites"] as? [Any])?.count == 1, "\(body)")
        }
    }

    @Test func coverageIsKeptUntilTheDataChanges() async throws {
        try await withLiveService(Self.patient) { client, fixture in
            let ten = "/v1/coverage?minutes=1&at=2026-11-24T10:00:00%2B08:00", eleven = "/v1/coverage?minutes=1&at=2026-11-24T11:00:00%2B08:00"
            let (_, _, first) = try await Self.get(client, ten)
            let (_, _, later) = try await Self.get(client, eleven)
            // The same channels are open at 10:00 and 11:00: one answer, each reported at its own moment.
            #expect(first["covered_population"] as? Double == later["covered_population"] as? Double)
            #expect(first["at"] as? String != later["at"] as? String)
            let counted = { (answer: [String: Any]) in (answer["channels"] as? [String: Any])?["counted"] as? Int }
            #expect(counted(first) == 3)
            // A new kiosk is counted at once.
            var headers = HTTPFields()
            headers[.authorization] = "Bearer " + fixture.admin
            let kiosk = #"{"id": "kiosk-9", "name": "新自助终端", "kind": "kiosk", "opening_hours": "24/7", "lat": 23.0245, "lon": 113.7515}"#
            try await client.execute(uri: "/v1/points", method: .post, headers: headers, body: ByteBuffer(string: kiosk)) { #expect($0.status == .created) }
            let (_, _, after) = try await Self.get(client, ten)
            #expect(counted(after) == 4)
            #expect((after["covered_population"] as? Double ?? 0) >= (first["covered_population"] as? Double ?? .infinity))
        }
    }

    @Test func answersCarrySecurityHeadersAndLinksUseThePublicAddress() async throws {
        var surface = Self.patient
        surface.frameAncestors = ["'self'", "https://portal.example.cn"]
        surface.publicURL = "https://pay.example.cn"
        try await withLiveService(surface) { client, _ in
            for path in ["/", "/screen?hall=hall-nancheng", "/v1/points/nope"] {
                let (_, headers, _) = try await Self.get(client, path)
                let policy = headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "\(path): \(policy)")
                #expect(policy.contains("frame-ancestors 'self' https://portal.example.cn"), "\(path)")
                #expect(headers[.xContentTypeOptions] == "nosniff" && headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(path)")
            }
            // Links name the public address, whatever Host the request claimed.
            let (_, _, landing) = try await Self.get(client, "/ogc", headers: ["Host": "evil.example"])
            let links = (landing["links"] as? [[String: Any]] ?? []).compactMap { $0["href"] as? String }
            #expect(!links.isEmpty && links.allSatisfy { $0.hasPrefix("https://pay.example.cn/") }, "\(links)")
        }
    }

    @Test func idsWithANulAreRefusedNotCut() async throws {
        try await withLiveService(Self.patient) { client, fixture in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer " + fixture.admin
            let body = #"{"name": "终端", "kind": "kiosk", "lat": 23.02, "lon": 113.75}"#
            for path in ["/v1/points/p%00one", "/v1/points/p%00two"] {
                try await client.execute(uri: path, method: .put, headers: headers, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest, "\(path)")
                }
            }
            #expect(fixture.registry.point(id: "p") == nil && fixture.registry.index.count == 3)
            #expect(try await Self.get(client, "/v1/tickets/t%00zzz").0 == 400)
        }
    }

    @Test func idleAndHalfSentConnectionsAreClosed() async throws {
        var surface = Self.patient
        surface.idleTimeout = .seconds(1)
        try await withLiveService(surface) { _, fixture in
            // One connection says nothing; another sends half a request head and stops.
            let silent = try Self.connect(port: fixture.port), halfSent = try Self.connect(port: fixture.port)
            defer { close(silent); close(halfSent) }
            _ = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n".withCString { send(halfSent, $0, strlen($0), 0) }
            for socket in [silent, halfSent] {
                #expect(Self.secondsUntilClosed(socket, giveUpAfter: 10) ?? .infinity < 5, "the server should close it after about 1 s")
            }
        }
    }

    static func connect(port: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
        return socket
    }

    /// Seconds until the peer closed `socket` (a read returns end of file), or nil if it stayed open.
    static func secondsUntilClosed(_ socket: Int32, giveUpAfter limit: Double) -> Double? {
        let start = Date()
        var timeout = timeval(tv_sec: Int(limit), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while Date().timeIntervalSince(start) < limit {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count == 0 || (count < 0 && errno == ECONNRESET) { return Date().timeIntervalSince(start) }
            if count < 0 { return nil }
        }
        return nil
    }
}
