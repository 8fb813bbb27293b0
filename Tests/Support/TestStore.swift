import CSpatiaLite
import Foundation
import Logging
import NIOCore
import PayCirclePostGIS
import PayCircleSpatiaLite
import PayCircleStore
import PostgresNIO
import Testing

/// A fresh, empty store of either kind for one test, removed by ``remove()``. PostGIS stores are new
/// databases on the server named by `$PAYCIRCLE_TEST_POSTGRES` (Tools/test.sh starts one); without it only
/// SpatiaLite is tested.
///
/// ```swift
/// @Test(arguments: TestStore.Kind.available) func roundTrips(kind: TestStore.Kind) async throws {
///     let test = try await TestStore(kind); defer { test.remove() }
///     try await test.store.write(PointChange(upserts: [point]))
/// }
/// ```
public final class TestStore {
    public enum Kind: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case spatiaLite, postGIS
        public var testDescription: String { rawValue }

        /// SpatiaLite always; PostGIS when a server is given.
        public static var available: [Kind] { TestStore.server == nil ? [.spatiaLite] : [.spatiaLite, .postGIS] }
    }

    /// The PostgreSQL server for tests, as a URL to its `postgres` database.
    public static var server: PostgresLocation? {
        ProcessInfo.processInfo.environment["PAYCIRCLE_TEST_POSTGRES"].flatMap { try? PostgresLocation($0) }
    }

    public let kind: Kind
    /// The SpatiaLite file or the PostGIS URL: what `--store` takes.
    public let location: String
    public let store: any DataStore
    private let directory: URL?

    public init(_ kind: Kind) async throws {
        self.kind = kind
        switch kind {
        case .spatiaLite:
            let directory = try Reference.temporaryDirectory()
            self.directory = directory
            location = directory.appendingPathComponent("s.sqlite").path
            store = try SpatiaLiteStore(path: location)
        case .postGIS:
            let server = try #require(Self.server, "PAYCIRCLE_TEST_POSTGRES is not set")
            let name = "paycircle_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await Self.run("CREATE DATABASE \(name)", on: server)
            directory = nil
            location = "postgres://\(server.user)@\(server.host):\(server.port)/\(name)"
            store = try await PostGISStore.open(server.database(name))
        }
    }

    /// Opens the same store again, as another process would.
    public func reopen() async throws -> any DataStore {
        switch kind {
        case .spatiaLite: try SpatiaLiteStore(path: location)
        case .postGIS: try await PostGISStore.open(PostgresLocation(location))
        }
    }

    /// The first column of the first row of `sql`, as text, run outside the store.
    public func scalar(_ sql: String) async throws -> String? {
        switch kind {
        case .spatiaLite:
            var db: OpaquePointer?
            guard sqlite3_open(location, &db) == SQLITE_OK else { return nil }
            defer { sqlite3_close(db) }
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else { return nil }
            defer { sqlite3_finalize(statement) }
            guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) else { return nil }
            return String(cString: text)
        case .postGIS:
            let rows = try await Self.run("SELECT (\(sql))::text", on: PostgresLocation(location))
            return try rows.first?.decode(String?.self)
        }
    }

    /// Runs `sql` (one or more statements) outside the store.
    public func execute(_ sql: String) async throws {
        switch kind {
        case .spatiaLite:
            var db: OpaquePointer?
            guard sqlite3_open(location, &db) == SQLITE_OK else { throw StoreError("cannot open \(location)") }
            defer { sqlite3_close(db) }
            guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw StoreError(String(cString: sqlite3_errmsg(db))) }
        case .postGIS:
            try await Self.run(sql, on: PostgresLocation(location))
        }
    }

    public func remove() {
        switch kind {
        case .spatiaLite:
            if let directory { try? FileManager.default.removeItem(at: directory) }
        case .postGIS:
            (store as? PostGISStore)?.database.close()
            guard let server = Self.server, let name = location.split(separator: "/").last else { return }
            // Runs where `defer` cannot await: on a connection's futures, from the test's thread.
            guard let connection = try? PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(), configuration: Self.configuration(server),
                                                                   id: 1, logger: Self.logger).wait() else { return }
            _ = try? connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: Self.logger).wait()
            try? connection.close().wait()
        }
    }

    private static let logger = Logger(label: "paycircle.tests")

    private static func configuration(_ location: PostgresLocation) -> PostgresConnection.Configuration {
        PostgresConnection.Configuration(host: location.host, port: location.port, username: location.user, password: location.password,
                                         database: location.database, tls: .disable)
    }

    /// Runs `sql` on a connection of its own to `location`.
    @discardableResult
    public static func run(_ sql: String, on location: PostgresLocation) async throws -> [PostgresRow] {
        let connection = try await PostgresConnection.connect(configuration: configuration(location), id: 1, logger: logger)
        do {
            var rows: [PostgresRow] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) { rows.append(row) }
            try await connection.close()
            return rows
        } catch {
            try? await connection.close()
            throw StoreError(String(reflecting: error))
        }
    }
}
