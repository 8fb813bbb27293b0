import Logging
import PayCircleStore
import PostgresNIO

/// A PostgreSQL database reached through a pool of connections (PostgresNIO's `PostgresClient`), async
/// from the caller to the server: queries of concurrent callers run on as many connections, up to
/// `maxConnections`, and no thread waits for an answer.
///
/// The pool runs while the database value is in use: ``open(_:maxConnections:)`` starts it and
/// ``close()`` (or the last reference going) stops it.
///
/// ```swift
/// let database = try await PostgresDatabase.open(PostgresLocation("postgres://paycircle@127.0.0.1:5432/paycircle"))
/// let rows = try await database.query("SELECT id FROM points WHERE kind = \(kind)")
/// ```
public final class PostgresDatabase: Sendable {
    public let location: PostgresLocation
    let client: PostgresClient
    private let running: Task<Void, Never>
    let logger: Logger

    /// Connects once (so that a wrong address or password fails here, with the server's reason) and starts
    /// the pool.
    public static func open(_ location: PostgresLocation, maxConnections: Int = 16) async throws -> PostgresDatabase {
        var logger = Logger(label: "paycircle.postgres")
        logger.logLevel = .error
        let probe = try await connect(location, logger: logger)
        try? await probe.close()
        return PostgresDatabase(location, maxConnections: maxConnections, logger: logger)
    }

    private init(_ location: PostgresLocation, maxConnections: Int, logger: Logger) {
        self.location = location
        self.logger = logger
        var configuration = PostgresClient.Configuration(host: location.host, port: location.port, username: location.user,
                                                         password: location.password, database: location.database, tls: .disable)
        configuration.options.maximumConnections = maxConnections
        configuration.options.minimumConnections = 0
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        running = Task { await client.run() }
    }

    deinit { running.cancel() }

    /// Stops the pool: its connections close once their current queries end.
    public func close() { running.cancel() }

    /// Runs `query` and returns every row.
    @discardableResult
    public func query(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await map(query) { $0 }
    }

    /// Runs `query` and turns each row into a value as it arrives. A statement that failed because its
    /// connection was lost, with nothing committed (``ConnectionLoss``), runs again on another one.
    public func map<T>(_ query: PostgresQuery, _ transform: (PostgresRow) throws -> T) async throws -> [T] {
        var attempt = 0
        while true {
            do {
                return try await withOpenConnection { connection in
                    var values: [T] = []
                    for try await row in try await connection.query(query, logger: logger) { values.append(try transform(row)) }
                    return values
                }
            } catch where attempt + 1 < ConnectionLoss.attempts && ConnectionLoss.leftNothingCommitted(error, commitSent: true) {
                try await ConnectionLoss.pause(before: attempt)
                attempt += 1
            } catch {
                throw StoreError(StoreError.describing(error))
            }
        }
    }

    /// Runs `body` inside BEGIN … COMMIT on one connection of the pool; any error rolls it back. The
    /// database's errors are thrown as ``StoreError``s, the body's own as they were. When the connection
    /// is lost before COMMIT is sent, the whole transaction runs again on another connection, so `body`
    /// must do nothing outside the database that it cannot do twice.
    public func transaction<T: Sendable>(_ body: (Transaction) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            let commit = CommitMark()
            do {
                return try await withOpenConnection { connection in
                    let transaction = Transaction(connection: connection, logger: logger)
                    try await transaction.query("BEGIN")
                    do {
                        let value = try await body(transaction)
                        commit.sent = true
                        try await transaction.query("COMMIT")
                        return value
                    } catch {
                        // A closed connection has nothing to roll back, and would never answer.
                        if !connection.isClosed { _ = try? await transaction.query("ROLLBACK") }
                        throw error
                    }
                }
            } catch where attempt + 1 < ConnectionLoss.attempts && ConnectionLoss.leftNothingCommitted(error, commitSent: commit.sent) {
                try await ConnectionLoss.pause(before: attempt)
                attempt += 1
            } catch let error as PSQLError {
                throw StoreError(StoreError.describing(error))
            } catch let error as ConnectionLoss {
                throw StoreError(StoreError.describing(error))
            }
        }
    }

    /// Lends `body` a connection of the pool that is still open, and takes it back however `body` ends.
    private func withOpenConnection<T>(_ body: (PostgresConnection) async throws -> sending T) async throws -> sending T {
        try await client.withConnection { connection in
            guard !connection.isClosed else { throw ConnectionLoss.closedBeforeUse }
            return try await body(connection)
        }
    }

    /// The statements of one transaction. Their failures reach ``PostgresDatabase/transaction(_:)`` as
    /// PostgresNIO's errors, which retries a lost connection and describes the rest.
    public struct Transaction {
        let connection: PostgresConnection
        let logger: Logger

        @discardableResult
        public func query(_ query: PostgresQuery) async throws -> [PostgresRow] {
            var rows: [PostgresRow] = []
            for try await row in try await connection.query(query, logger: logger) { rows.append(row) }
            return rows
        }
    }

    /// Whether a transaction's COMMIT has been sent, after which a lost connection leaves its outcome unknown.
    private final class CommitMark: @unchecked Sendable {
        var sent = false
    }

    /// A connection of its own to the same database, for a caller that keeps it (LISTEN needs one).
    public func connect() async throws -> PostgresConnection {
        try await Self.connect(location, logger: logger)
    }

    private static func connect(_ location: PostgresLocation, logger: Logger) async throws -> PostgresConnection {
        do {
            return try await PostgresConnection.connect(configuration: location.configuration, id: 1, logger: logger)
        } catch {
            throw StoreError("cannot connect to \(location.redacted): \(StoreError.describing(error))")
        }
    }
}
