import Foundation
import Logging
import NIOCore
import NIOPosix
import PayCircleStore
import PostgresNIO
import Synchronization

/// One PostgreSQL connection used synchronously, as the ``PointStore`` protocol is: each call runs on the
/// session's own event loop and the caller waits for it, so callers on any thread (Hummingbird's included)
/// never wait on a loop they run on. Calls are serialised; a lost connection is opened again on the next
/// call.
///
/// ```swift
/// let session = try PostgresSession(PostgresLocation("postgres://paycircle@127.0.0.1:5432/paycircle"))
/// let rows = try session.query("SELECT id FROM points WHERE kind = \(kind)")
/// ```
public final class PostgresSession: Sendable {
    public let location: PostgresLocation
    private let loop: any EventLoop
    private let connection = Mutex<PostgresConnection?>(nil)
    private let logger: Logger

    /// The shared event loops of every session: one thread.
    private static let loops = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    public init(_ location: PostgresLocation) throws {
        self.location = location
        loop = Self.loops.next()
        var logger = Logger(label: "paycircle.postgres")
        logger.logLevel = .error
        self.logger = logger
        try connection.withLock { $0 = try self.connect() }
    }

    deinit {
        // PostgresNIO requires a connection closed before it goes; the last reference to a session is
        // never dropped on its event loop (no closure on the loop holds one), so waiting here is safe.
        if let open = connection.withLock({ $0 }) { let closing: EventLoopFuture<Void> = open.close(); try? Self.wait(closing) }
    }

    /// Runs `query` and returns every row.
    @discardableResult
    public func query(_ query: PostgresQuery) throws -> [PostgresRow] {
        try connection.withLock { current in try Self.run(query, on: try self.open(&current), logger: logger) }
    }

    /// Runs `query` and turns each row into a value as it arrives, without first keeping every row (copying
    /// rows cost more than reading them when loading a million points).
    public func map<T: Sendable>(_ query: PostgresQuery, _ transform: @escaping @Sendable (PostgresRow) throws -> T) throws -> [T] {
        try connection.withLock { current in
            let open = try self.open(&current)
            let collected = Collected<T>()
            do {
                _ = try Self.wait(open.query(query, logger: logger) { row in collected.values.append(try transform(row)) })
            } catch {
                throw StoreError(StoreError.describing(error))
            }
            return collected.values
        }
    }

    /// Values gathered on the session's event loop, read once the query has finished.
    private final class Collected<T>: @unchecked Sendable {
        var values: [T] = []
    }

    /// Runs `body` inside BEGIN … COMMIT on the session's connection; any error rolls it back.
    public func transaction<T>(_ body: (Transaction) throws -> T) throws -> T {
        try connection.withLock { current in
            let open = try self.open(&current)
            let transaction = Transaction(connection: open, logger: logger)
            try Self.run("BEGIN", on: open, logger: logger)
            do {
                let value = try body(transaction)
                try Self.run("COMMIT", on: open, logger: logger)
                return value
            } catch {
                _ = try? Self.run("ROLLBACK", on: open, logger: logger)
                throw error
            }
        }
    }

    /// The statements of one transaction.
    public struct Transaction {
        let connection: PostgresConnection
        let logger: Logger

        @discardableResult
        public func query(_ query: PostgresQuery) throws -> [PostgresRow] {
            try PostgresSession.run(query, on: connection, logger: logger)
        }
    }

    /// Opens a new connection to the same database, for a caller that keeps it (LISTEN needs its own).
    public func connect() throws -> PostgresConnection {
        let configuration = location.configuration
        do {
            return try Self.wait(PostgresConnection.connect(on: loop, configuration: configuration, id: 1, logger: logger))
        } catch {
            throw StoreError("cannot connect to \(location.redacted): \(StoreError.describing(error))")
        }
    }

    private func open(_ current: inout PostgresConnection?) throws -> PostgresConnection {
        if let live = current, !live.isClosed { return live }
        current = try connect()
        return current!
    }

    static func run(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) throws -> [PostgresRow] {
        do {
            return try wait(connection.query(query, logger: logger)).rows
        } catch {
            throw StoreError(StoreError.describing(error))
        }
    }

    /// Waits for `future` from a thread outside the session's event loop.
    static func wait<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        let outcome = Outcome<T>()
        future.whenComplete { result in
            outcome.result = result
            outcome.done.signal()
        }
        outcome.done.wait()
        return try outcome.result!.get()
    }

    /// A future's result, handed from its event loop to the waiting thread; the semaphore orders the two.
    private final class Outcome<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
        let done = DispatchSemaphore(value: 0)
    }
}
