import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import PayCircleCore
import PayCirclePostGIS
import PayCircleStore
import PayCircleTestSupport
import Testing

/// Several `paycircle serve` processes over one PostGIS database: a write through one shows in the
/// answers of the others without a restart, and an instance outlives a restart of PostgreSQL. The tests
/// wait up to 10 s (the suite shares two cores with browsers and imports); the latency itself — under
/// 1 s is the target — is measured by `Tools/bench-postgis.sh` and recorded in BENCHMARKS.md.
@Suite(.serialized, .enabled(if: TestStore.server != nil, "needs $PAYCIRCLE_TEST_POSTGRES"))
struct ScaleOutTests {
    static func request(_ port: Int, _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: String = "") async throws -> (Int, [String: Any]) {
        do {
            return try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                var headers = HTTPFields()
                if let token { headers[.authorization] = "Bearer " + token }
                headers[.contentType] = "application/json"
                let response = try await client.execute(.init(uri, method: method, headers: headers, body: ByteBuffer(string: body)))
                let json = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body ?? ByteBuffer()))) as? [String: Any] ?? [:]
                return (Int(response.status.code), json)
            }
        } catch {
            throw ProcessFailure(message: "\(method) \(uri) on port \(port) at \(Date()): \(error)")
        }
    }

    /// Seconds until `condition` holds, polling every 20 ms; nil when it did not within `limit`.
    static func secondsUntil(limit: Double = 10, _ condition: () async throws -> Bool) async throws -> Double? {
        let start = Date()
        while Date().timeIntervalSince(start) < limit {
            if try await condition() { return Date().timeIntervalSince(start) }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    static func kiosk(_ id: String, lat: Double = 23.02, lon: Double = 113.75) -> String {
        #"{"id": "\#(id)", "name": "自助缴费终端 \#(id)", "kind": "kiosk", "opening_hours": "24/7", "lat": \#(lat), "lon": \#(lon)}"#
    }

    @Test func aWriteOnOneInstanceShowsOnTheOthers() async throws {
        let test = try await TestStore(.postGIS)
        defer { test.remove() }
        let secret = try await test.store.createToken(name: "scale-out test", role: .admin).secret
        let first = try PayCircleProcess(["serve", "--store", test.location, "--port", "0", "--rate-limit", "off", "--idle-timeout", "600"])
        let second = try PayCircleProcess(["serve", "--store", test.location, "--port", "0", "--rate-limit", "off", "--idle-timeout", "600"])
        defer { first.kill(); second.kill() }
        let a = try first.waitForPort(), b = try second.waitForPort()

        #expect(try await Self.request(a, .post, "/v1/points", token: secret, body: Self.kiosk("k1")).0 == 201)
        let shown = try await Self.secondsUntil { try await Self.request(b, .get, "/v1/points/k1").0 == 200 }
        #expect(shown != nil, "created on A, seen on B after \(shown.map { String($0) } ?? "never") s")

        #expect(try await Self.request(b, .put, "/v1/points/k1/status", token: secret, body: #"{"status": "fault"}"#).0 == 200)
        let faulty = try await Self.secondsUntil {
            let (status, answer) = try await Self.request(a, .get, "/v1/nearest?lat=23.02&lon=113.75&k=1")
            return status == 200 && ((answer["results"] as? [[String: Any]])?.first?["status"] as? String) == "fault"
        }
        #expect(faulty != nil, "status set on B, seen in A's nearest after \(faulty.map { String($0) } ?? "never") s")

        #expect(try await Self.request(a, .delete, "/v1/points/k1", token: secret).0 == 204)
        let gone = try await Self.secondsUntil { try await Self.request(b, .get, "/v1/points/k1").0 == 404 }
        #expect(gone != nil, "deleted on A, gone from B after \(gone.map { String($0) } ?? "never") s")
        // A hall's queue report through A reaches B's queue board too.
        let hall = #"{"id": "hall", "name": "南城营业厅", "kind": "hall", "opening_hours": "24/7", "lat": 23.03, "lon": 113.76}"#
        #expect(try await Self.request(a, .post, "/v1/points", token: secret, body: hall).0 == 201)
        let report = #"{"services": {"cash": {"waiting": 4, "open_counters": 2, "handling_s": 120}}}"#
        #expect(try await Self.request(a, .put, "/v1/halls/hall/queue", token: secret, body: report).0 == 200)
        let queued = try await Self.secondsUntil {
            let (status, answer) = try await Self.request(b, .get, "/v1/halls/hall/queue")
            return status == 200 && answer["fresh"] as? Bool == true
        }
        #expect(queued != nil, "queue reported on A, seen on B after \(queued.map { String($0) } ?? "never") s")
        print("two instances: create seen after \(shown ?? -1) s, status after \(faulty ?? -1) s, delete after \(gone ?? -1) s")
    }

    /// The control room behind a load balancer: a kiosk's heartbeat through A reaches B's dashboard, and so
    /// does the kiosk closing when its device falls silent (waiting up to 10 s, and 20 s for the 5-s timeout; the 2 s target is measured
    /// alone in BENCHMARKS.md and printed here).
    @Test func aHeartbeatThroughOneInstanceReachesTheOthersDashboard() async throws {
        let test = try await TestStore(.postGIS)
        defer { test.remove() }
        let admin = try await test.store.createToken(name: "control room", role: .admin).secret
        let machine = try await test.store.createToken(name: "kiosk", role: .device, points: ["k7-a"]).secret
        let arguments = ["serve", "--store", test.location, "--port", "0", "--rate-limit", "off", "--idle-timeout", "600", "--heartbeat-timeout", "5"]
        let first = try PayCircleProcess(arguments), second = try PayCircleProcess(arguments)
        defer { first.kill(); second.kill() }
        let a = try first.waitForPort(), b = try second.waitForPort()
        #expect(try await Self.request(a, .post, "/v1/points", token: admin, body: Self.kiosk("k7")).0 == 201)
        #expect(try await Self.request(a, .post, "/v1/devices", token: admin, body: #"{"id": "k7-a", "point_id": "k7", "kind": "kiosk"}"#).0 == 201)
        func dashboardOfB(limit: Double = 10, _ check: @escaping ([String: Any]) -> Bool) async throws -> Double? {
            try await Self.secondsUntil(limit: limit) {
                let (status, answer) = try await Self.request(b, .get, "/v1/dashboard")
                return status == 200 && check(answer)
            }
        }
        func devices(_ answer: [String: Any]) -> [String: Any] { (answer["totals"] as? [String: Any])?["devices"] as? [String: Any] ?? [:] }
        #expect(try await Self.request(a, .post, "/v1/devices/k7-a/heartbeat", token: machine, body: #"{"status": "ok"}"#).0 == 200)
        let online = try await dashboardOfB { devices($0)["online"] as? Double == 1 }
        #expect(online != nil, "a beat through A never reached B's dashboard")
        let silent = Date()
        let offline = try await dashboardOfB(limit: 20) { answer in
            devices(answer)["offline"] as? Double == 1
                && (answer["machines"] as? [[String: Any]])?.first { $0["id"] as? String == "k7" }?["open"] as? Bool == false
        }
        let late = offline.map { _ in Date().timeIntervalSince(silent) - 5 }
        #expect(late != nil, "the silent device never showed offline and its kiosk closed on B")
        print("two instances: a beat reached the other dashboard after \(online ?? -1) s, the timeout after \(late ?? -1) s")
    }

    /// Runs `body` with a PostgreSQL server of its own (the URL of a new database on it, and a way to restart
    /// it), so that restarting it disturbs no other test.
    static func withOwnServer(_ body: (_ location: String, _ restart: () async throws -> Void) async throws -> Void) async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        let script = "bash '" + Reference.repositoryRoot.appendingPathComponent("Tools/postgres.sh").path + "'"
        let data = "'" + directory.appendingPathComponent("data").path + "'"
        let url = try await startOnAFreePort(script: script, data: data)
        defer { _ = system("\(script) stop \(data) >/dev/null 2>&1") }
        try await TestStore.run("CREATE DATABASE restart_test", on: PostgresLocation(url))
        try await body(try PostgresLocation(url).database("restart_test").redacted) {
            _ = try await ShellCommand.run("\(script) restart \(data)")
        }
    }

    /// Starts the server on a port the kernel reports free. Another process can still take the port before
    /// PostgreSQL binds it (the test's HTTP clients draw from the same ephemeral range), so a failed start is
    /// tried again on another port; the last failure carries the server's log.
    static func startOnAFreePort(script: String, data: String, attempts: Int = 4) async throws -> String {
        var failure: Error?
        for _ in 0..<attempts {
            do {
                return try await ShellCommand.run("\(script) start \(data) \(try FreePort.take())")
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                failure = error
            }
        }
        let log = (try? String(contentsOfFile: data.trimmingCharacters(in: ["'"]) + "/server.log", encoding: .utf8)) ?? ""
        throw ProcessFailure(message: "\(failure.map { "\($0)" } ?? "no attempt") — server log: \(log.suffix(2_000))")
    }

    @Test func pooledConnectionsCutByARestartAreReplacedWithoutAnError() async throws {
        try await Self.withOwnServer { location, restart in
            let database = try await PostgresDatabase.open(PostgresLocation(location), maxConnections: 8)
            defer { database.close() }
            try await database.query("CREATE TABLE counts (n integer)")
            // Eight connections open and idle in the pool.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 { group.addTask { try await database.query("SELECT pg_sleep(0.05)") } }
                try await group.waitForAll()
            }
            // A restart cuts all eight; the first statements after it meet dead connections and run again.
            try await restart()
            let answers = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<8 { group.addTask { try await database.query("SELECT \(n)::integer").first?.decode(Int.self) ?? -1 } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.sorted() == Array(0..<8))
            try await restart()
            try await database.transaction { _ = try await $0.query("INSERT INTO counts VALUES (1)") }
            #expect(try await database.query("SELECT count(*) FROM counts").first?.decode(Int.self) == 1)
        }
    }

    @Test func anInstanceRecoversFromARestartOfPostgreSQL() async throws {
        try await Self.withOwnServer { location, restart in
            let direct = try await PostGISStore.open(PostgresLocation(location))
            let secret = try await direct.createToken(name: "restart test", role: .admin).secret
            let server = try PayCircleProcess(["serve", "--store", location, "--port", "0", "--rate-limit", "off", "--idle-timeout", "600"])
            defer { server.kill() }
            let http = try server.waitForPort()
            #expect(try await Self.request(http, .post, "/v1/points", token: secret, body: Self.kiosk("before")).0 == 201)

            try await restart()
            // Written straight into the database while the instance is reconnecting: it arrives by its notice
            // if the instance listens again in time, else by the resynchronisation that follows reconnecting.
            let kiosk = PaymentPoint(id: "during", name: "重启期间", kind: .kiosk, openingHours: OpeningHours("24/7"),
                                     location: Coordinate(latitude: 23.03, longitude: 113.76))
            try await direct.write(PointChange(upserts: [kiosk]))
            let resynced = try await Self.secondsUntil(limit: 10) { try await Self.request(http, .get, "/v1/points/during").0 == 200 }
            #expect(resynced != nil, "the point written during the restart never reached the instance")

            // Writes through the instance work again, and answers are right.
            let (created, _) = try await Self.request(http, .post, "/v1/points", token: secret, body: Self.kiosk("after", lat: 23.05, lon: 113.78))
            #expect(created == 201)
            let (status, nearest) = try await Self.request(http, .get, "/v1/nearest?lat=23.03&lon=113.76&k=3")
            #expect(status == 200)
            #expect((nearest["results"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["during", "before", "after"])
            #expect(try await direct.loadPoints().map(\.id) == ["after", "before", "during"])
            print("after a restart of PostgreSQL the instance caught up in \(resynced ?? -1) s")
        }
    }
}
