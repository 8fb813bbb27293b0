import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import PayCircleCore
@testable import PayCircleSpatiaLite
import PayCircleStore
import PayCircleTestSupport
import Testing
import PayCircleSimulation

/// Crash safety: the `paycircle` executable is killed with SIGKILL (as by a crash, the OOM killer or a
/// pulled plug on the process) in the middle of an import and while it serves concurrent writes. The
/// store must then pass SQLite's integrity check, hold either all of an import or none of it, and keep
/// every write the service acknowledged.
@Suite(.serialized) struct CrashSafetyTests {
    struct Contents: Equatable, CustomStringConvertible {
        let points: Int
        let edges: Int
        var description: String { "\(points) points, \(edges) edges" }
    }

    static func contents(of path: String) async throws -> (contents: Contents, problems: [String]) {
        let store = try SpatiaLiteStore(path: path)
        return (Contents(points: try await store.loadPoints().count, edges: try await store.loadNetwork().edges.count), try await store.integrityProblems())
    }

    static func copyStore(_ source: URL, to target: URL) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: source.path + suffix) {
            try FileManager.default.copyItem(atPath: source.path + suffix, toPath: target.path + suffix)
        }
    }

    static func importOSM(_ file: String, into store: URL) throws -> PayCircleProcess {
        let channels = Reference.repositoryRoot.appendingPathComponent("GeoData/channels.json").path
        return try PayCircleProcess(["import", "osm", "--db", store.path, "--channels", channels, Reference.geodata("osm/\(file)").path])
    }

    /// Runs `arguments(store)` to the end on a copy of `base`, then again on fresh copies killed at each
    /// fraction of that run's duration; expects every killed store sound and holding all or none of it.
    /// Returns the outcomes ("none", "all" or "finished" by fraction) and the whole run's duration.
    static func killTrials(_ name: String, base: URL, in directory: URL, fractions: [Double],
                           _ arguments: (URL) -> [String]) async throws -> (outcomes: [String], duration: Double) {
        let before = try await contents(of: base.path).contents
        let whole = directory.appendingPathComponent("\(name)-whole.sqlite")
        try copyStore(base, to: whole)
        let started = Date()
        let reference = try PayCircleProcess(arguments(whole))
        #expect(reference.wait() == 0, "\(reference.printed)")
        let duration = Date().timeIntervalSince(started)
        let after = try await contents(of: whole.path).contents
        #expect(before != after)

        var outcomes: [String] = []
        for (trial, fraction) in fractions.enumerated() {
            let store = directory.appendingPathComponent("\(name)-\(trial).sqlite")
            try copyStore(base, to: store)
            let process = try PayCircleProcess(arguments(store))
            try await Task.sleep(for: .seconds(duration * fraction))
            let finished = !process.isRunning
            process.kill()
            let (found, problems) = try await contents(of: store.path)
            #expect(problems.isEmpty, "\(name) killed at \(fraction) of its run: \(problems)")
            #expect(found == before || found == after, "\(name) killed at \(fraction) of its run: \(found), neither \(before) nor \(after)")
            outcomes.append("\(fraction): \(finished ? "finished" : found == before ? "none" : "all")")
        }
        // The early kills land inside the import, so "none" must have been seen at least once; the late ones
        // straddle the commit, whose moment varies with the machine's load.
        #expect(outcomes.contains { $0.hasSuffix("none") }, "\(outcomes)")
        print("\(name) (\(String(format: "%.2f", duration)) s) killed at fractions of its run: \(outcomes.joined(separator: ", "))")
        return (outcomes, duration)
    }

    /// A store holding Monaco's channels and streets, the "before" of the trials.
    static func monacoStore(in directory: URL) throws -> URL {
        let base = directory.appendingPathComponent("base.sqlite")
        let seeding = try importOSM("monaco.osm.pbf", into: base)
        #expect(seeding.wait() == 0, "\(seeding.printed)")
        return base
    }

    @Test func anOSMImportKilledAtAnyMomentLeavesAllOrNothing() async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = try Self.monacoStore(in: directory)
        let channels = Reference.repositoryRoot.appendingPathComponent("GeoData/channels.json").path
        let andorra = Reference.geodata("osm/andorra.osm.pbf").path
        _ = try await Self.killTrials("import osm andorra.osm.pbf", base: base, in: directory, fractions: [0.05, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 1.0, 1.05, 1.1]) {
            ["import", "osm", "--db", $0.path, "--channels", channels, andorra]
        }
        let check = try PayCircleProcess(["check", "--db", directory.appendingPathComponent("import osm andorra.osm.pbf-0.sqlite").path])
        #expect(check.wait() == 0 && check.printed.contains("integrity ok; schema version"), "\(check.printed)")
    }

    @Test func aPointImportKilledAtAnyMomentLeavesAllOrNothing() async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = try Self.monacoStore(in: directory)
        // 40,000 kiosks scattered over Dongguan.
        var generator = SeededGenerator(seed: 6)
        var csv = "id,name,kind,services,opening_hours,lat,lon\n"
        for row in 0..<40_000 {
            csv += "k\(row),自助缴费终端\(row),kiosk,card,24/7,\(Double.random(in: 22.6...23.2, using: &generator)),\(Double.random(in: 113.5...114.3, using: &generator))\n"
        }
        let file = directory.appendingPathComponent("kiosks.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        _ = try await Self.killTrials("import points kiosks.csv", base: base, in: directory, fractions: [0.1, 0.5, 0.9, 0.97, 1.03]) {
            ["import", "points", file.path, "--db", $0.path]
        }
    }

    @Test func checkReportsADamagedStore() async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("s.sqlite")
        let seeding = try Self.importOSM("monaco.osm.pbf", into: store)
        #expect(seeding.wait() == 0, "\(seeding.printed)")
        // Merge the write-ahead log into the file first, so that the scribbled pages are not shadowed by
        // newer copies in a log the import left behind (a process that exits without closing its
        // connections leaves one, which the next opener reads).
        do {
            let connection = try SQLiteConnection(path: store.path)
            try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let log = (try? FileManager.default.attributesOfItem(atPath: store.path + "-wal")[.size] as? Int) ?? 0
        #expect(log == 0, "the write-ahead log still holds \(log) bytes")
        // Scribble over pages in the middle of the file, as a failing disk might.
        let file = try FileHandle(forUpdating: store)
        let size = try file.seekToEnd()
        try file.seek(toOffset: size / 2)
        try file.write(contentsOf: Data(repeating: 0x5A, count: 64 * 1_024))
        try file.close()
        let check = try PayCircleProcess(["check", "--db", store.path])
        #expect(check.wait() == 1, "\(check.printed)")
        #expect(check.printed.contains(": damaged:"), "\(check.printed)")
        #expect(!check.printed.contains("Fatal error"), "\(check.printed)")
        let missing = try PayCircleProcess(["check", "--db", directory.appendingPathComponent("none.sqlite").path])
        #expect(missing.wait() != 0 && missing.printed.contains("no store at"), "\(missing.printed)")
    }

    @Test func writesAcknowledgedBeforeAKillAreKept() async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("s.sqlite").path
        let secret = try await SpatiaLiteStore(path: path).createToken(name: "crash test", role: .admin).secret

        let server = try PayCircleProcess(["serve", "--db", path, "--port", "0", "--rate-limit", "off", "--idle-timeout", "600"])
        let port = try server.waitForPort()
        let writers = 8
        let acknowledged = try await withThrowingTaskGroup(of: [String].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    try await Self.writeUntilRefused(port: port, secret: secret, writer: writer)
                }
            }
            try await Task.sleep(for: .milliseconds(1_500))
            server.kill()
            return try await group.reduce(into: [String]()) { $0 += $1 }
        }

        let store = try SpatiaLiteStore(path: path)
        #expect(try await store.integrityProblems().isEmpty)
        let kept = Set(try await store.loadPoints().map(\.id))
        #expect(acknowledged.count > writers, "the writers were acknowledged \(acknowledged.count) times before the kill")
        let lost = acknowledged.filter { !kept.contains($0) }
        #expect(lost.isEmpty, "acknowledged but lost: \(lost.prefix(10))")
        print("\(writers) writers: \(acknowledged.count) writes acknowledged before SIGKILL, \(kept.count) points kept, \(lost.count) lost")
    }

    /// Creates kiosks one after another over one connection until the server stops answering; returns
    /// the ids it answered 201 Created for.
    static func writeUntilRefused(port: Int, secret: String, writer: Int) async throws -> [String] {
        let client = TestClient(host: "127.0.0.1", port: port)
        client.connect()
        var created: [String] = []
        var headers = HTTPFields()
        headers[.authorization] = "Bearer " + secret
        headers[.contentType] = "application/json"
        for sequence in 0..<100_000 {
            let id = "crash-\(writer)-\(sequence)"
            let body = #"{"id": "\#(id)", "name": "自助缴费终端 \#(sequence)", "kind": "kiosk", "opening_hours": "24/7", "lat": \#(23.0 + Double(writer) * 0.001), "lon": \#(113.7 + Double(sequence) * 0.00001)}"#
            do {
                let response = try await client.post("/v1/points", headers: headers, body: ByteBuffer(string: body))
                guard response.status == .created else { Issue.record("\(id): \(response.status)"); break }
                created.append(id)
            } catch {
                break  // the server is gone
            }
        }
        try? await client.shutdown()
        return created
    }
}
