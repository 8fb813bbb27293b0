import Logging
import PayCircleStore
import PostgresNIO
import ServiceLifecycle

/// Keeps a service instance in step with writes made through the others, as a service of the
/// application's lifecycle: it reads the ``PointNotice``s of a ``ChangeSubscription`` in order and hands
/// each to `onNotice`. When the subscription's connection is lost (the database restarted, the network
/// failed) it subscribes again every half second until it can, and then calls `onResync`, since notices
/// sent meanwhile are lost. It stops on graceful shutdown.
///
/// Subscribe before loading what the notices update, so that nothing committed in between is missed:
///
/// ```swift
/// let subscription = try await ChangeSubscription.open(store.database)
/// let registry = try await PointRegistry(store: store)
/// let feed = PostGISChangeFeed(subscription, onNotice: { try? await registry.refresh(ids: $0.upserts, removed: $0.removed) },
///                              onResync: { try? await registry.reload() })
/// // Application(router: …, services: [feed])
/// ```
public struct PostGISChangeFeed: Service {
    private let first: ChangeSubscription
    private let onNotice: @Sendable (PointNotice) async -> Void
    private let onResync: @Sendable () async -> Void
    private let logger = Logger(label: "paycircle.changes")

    public init(_ subscription: ChangeSubscription, onNotice: @escaping @Sendable (PointNotice) async -> Void,
                onResync: @escaping @Sendable () async -> Void) {
        first = subscription
        self.onNotice = onNotice
        self.onResync = onResync
    }

    public func run() async throws {
        var subscription = first
        while true {
            for await notice in subscription.notices.cancelOnGracefulShutdown() { await onNotice(notice) }
            guard !Task.isCancelled, !Task.isShuttingDownGracefully else {
                try? await subscription.connection.close()
                return
            }
            logger.warning("lost the database connection that listens for changes; reconnecting")
            while true {
                try await Task.sleep(for: .milliseconds(500))
                if let renewed = try? await ChangeSubscription.open(subscription.database) { subscription = renewed; break }
            }
            logger.info("listening for changes again; reloading the points")
            await onResync()
        }
    }
}

/// A `LISTEN` on the `paycircle_points` channel over a connection of its own: in force once ``open(_:)``
/// returns, its notices kept in order until read.
public struct ChangeSubscription: Sendable {
    let database: PostgresDatabase
    let connection: PostgresConnection
    let notices: AsyncStream<PointNotice>

    public static func open(_ database: PostgresDatabase) async throws -> ChangeSubscription {
        let connection = try await database.connect()
        let (notices, continuation) = AsyncStream<PointNotice>.makeStream()
        connection.addListener(channel: PointNotice.channel) { _, message in
            if let notice = PointNotice(payload: message.payload) { continuation.yield(notice) }
        }
        connection.closeFuture.whenComplete { _ in continuation.finish() }
        do {
            // Queries run in order on a connection: once this answers, LISTEN is in force.
            _ = try await connection.query("SELECT 1", logger: database.logger)
        } catch {
            try? await connection.close()
            throw StoreError("cannot listen for changes on \(database.location.redacted): \(StoreError.describing(error))")
        }
        return ChangeSubscription(database: database, connection: connection, notices: notices)
    }
}
