import Foundation
import Hummingbird
import HummingbirdTesting
import PayCircleCore
import PayCircleServer
import PayCircleSpatiaLite
import PayCircleStore
import PayCircleTestSupport
import Testing

/// Authenticated writes: tokens and roles, live status reaching nearest at once, body limits, the audit log.
@Suite struct WriteRouteTests {
    struct Tokens: Sendable {
        let admin: String
        let operatorToken: String
        let revoked: String
        let adminID: String
        let operatorID: String
    }

    func withService(_ body: @Sendable (any TestClientProtocol, PointRegistry, Tokens) async throws -> Void) async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try await PointRegistry(store: SpatiaLiteStore(path: directory.appendingPathComponent("s.sqlite").path))
        try await registry.apply(PointChange(upserts: HTTPRouteTests.points))
        let admin = try await registry.store.createToken(name: "planning office", role: .admin)
        let operatorToken = try await registry.store.createToken(name: "kiosk monitor", role: .operator)
        let revoked = try await registry.store.createToken(name: "old", role: .admin)
        #expect(try await registry.store.revokeToken(id: revoked.token.id))
        let tokens = Tokens(admin: admin.secret, operatorToken: operatorToken.secret, revoked: revoked.secret,
                            adminID: admin.token.id, operatorID: operatorToken.token.id)
        let app = Application(router: PayCircleService(registry: registry).router())
        try await app.test(.router) { client in try await body(client, registry, tokens) }
    }

    static func send(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String?, body: String = "") async throws -> (HTTPResponse.Status, [String: Any]?) {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer " + token }
        headers[.contentType] = "application/json"
        return try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: body)) { response in
            (response.status, try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
        }
    }

    static let newKiosk = #"{"id": "kiosk-9", "name": "东城自助缴费终端", "kind": "kiosk", "opening_hours": "24/7", "services": ["card", "qr"], "lat": 23.0205, "lon": 113.7505}"#

    @Test func writesNeedAValidTokenOfTheRightRole() async throws {
        try await withService { client, registry, tokens in
            #expect(try await Self.send(client, .post, "/v1/points", token: nil, body: Self.newKiosk).0 == .unauthorized)
            #expect(try await Self.send(client, .post, "/v1/points", token: "pc_guess", body: Self.newKiosk).0 == .unauthorized)
            #expect(try await Self.send(client, .post, "/v1/points", token: tokens.revoked, body: Self.newKiosk).0 == .unauthorized)
            let (forbidden, error) = try await Self.send(client, .post, "/v1/points", token: tokens.operatorToken, body: Self.newKiosk)
            #expect(forbidden == .forbidden && (error?["error"] as? [String: Any])?["code"] as? String == "forbidden")
            #expect(registry.point(id: "kiosk-9") == nil)

            #expect(try await Self.send(client, .post, "/v1/points", token: tokens.admin, body: Self.newKiosk).0 == .created)
            #expect(registry.point(id: "kiosk-9")?.name == "东城自助缴费终端")
            #expect(try await Self.send(client, .post, "/v1/points", token: tokens.admin, body: Self.newKiosk).0 == .conflict)
            let replaced = Self.newKiosk.replacingOccurrences(of: "东城", with: "西城")
            #expect(try await Self.send(client, .put, "/v1/points/kiosk-9", token: tokens.admin, body: replaced).0 == .ok)
            #expect(registry.point(id: "kiosk-9")?.name == "西城自助缴费终端")
            #expect(try await Self.send(client, .delete, "/v1/points/kiosk-9", token: tokens.operatorToken).0 == .forbidden)
            #expect(try await Self.send(client, .delete, "/v1/points/kiosk-9", token: tokens.admin).0 == .noContent)
            #expect(try await Self.send(client, .delete, "/v1/points/kiosk-9", token: tokens.admin).0 == .notFound)
            // Reads stay open.
            #expect(try await Self.send(client, .get, "/v1/points/kiosk-1", token: nil).0 == .ok)

            // Every write is in the audit log with its token, newest first.
            let log = try await registry.store.auditLog(limit: 10)
            #expect(log.map(\.action) == ["delete", "replace", "create"])
            #expect(log.allSatisfy { $0.actor == tokens.adminID } && log.map(\.target) == ["kiosk-9", "kiosk-9", "kiosk-9"])
            #expect(log[1].detail.contains("西城自助缴费终端"))
        }
    }

    @Test func anOperatorsStatusChangeReachesNearestAtOnce() async throws {
        try await withService { client, registry, tokens in
            let nearestOpen = "/v1/nearest?lat=23.0200&lon=113.7500&k=3&at=2026-11-24T22:00:00%2B08:00"
            var (_, answer) = try await Self.send(client, .get, nearestOpen, token: nil)
            #expect((answer?["results"] as? [[String: Any]])?.first?["id"] as? String == "kiosk-1")
            let (status, point) = try await Self.send(client, .put, "/v1/points/kiosk-1/status", token: tokens.operatorToken, body: #"{"status": "fault"}"#)
            #expect(status == .ok && point?["status"] as? String == "fault")
            (_, answer) = try await Self.send(client, .get, nearestOpen, token: nil)
            #expect((answer?["results"] as? [[String: Any]])?.contains { $0["id"] as? String == "kiosk-1" } == false)
            #expect(registry.point(id: "kiosk-1")?.status == .fault)
            #expect(try await registry.store.loadPoints().first { $0.id == "kiosk-1" }?.status == .fault)
            #expect(try await registry.store.auditLog(limit: 1).first?.actor == tokens.operatorID)
            // Bad status values and unknown points.
            #expect(try await Self.send(client, .put, "/v1/points/kiosk-1/status", token: tokens.operatorToken, body: #"{"status": "broken"}"#).0 == .badRequest)
            #expect(try await Self.send(client, .put, "/v1/points/nope/status", token: tokens.operatorToken, body: #"{"status": "online"}"#).0 == .notFound)
        }
    }

    @Test func badAndOversizedBodiesAreRefusedWithTheirReason() async throws {
        try await withService { client, registry, tokens in
            let (notJSON, error) = try await Self.send(client, .post, "/v1/points", token: tokens.admin, body: "kiosk, please")
            #expect(notJSON == .badRequest && (error?["error"] as? [String: Any])?["message"] as? String == "the body must be a JSON object")
            let badKind = Self.newKiosk.replacingOccurrences(of: #""kiosk","#, with: #""shop","#)
            let (status, kindError) = try await Self.send(client, .post, "/v1/points", token: tokens.admin, body: badKind)
            #expect(status == .badRequest && (kindError?["error"] as? [String: Any])?["field"] as? String == "kind")
            let huge = #"{"id": "x", "name": ""# + String(repeating: "长", count: 40_000) + #"", "kind": "kiosk", "lat": 23, "lon": 113}"#
            let (tooLarge, largeError) = try await Self.send(client, .post, "/v1/points", token: tokens.admin, body: huge)
            #expect(tooLarge == .contentTooLarge && (largeError?["error"] as? [String: Any])?["code"] as? String == "too_large")
            #expect(try await registry.store.auditLog(limit: 10).isEmpty)
        }
    }
}
