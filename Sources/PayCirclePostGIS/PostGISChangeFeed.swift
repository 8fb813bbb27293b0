import Foundation
import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// Keeps a service instance in step with writes made through the others: listens on the
/// `paycircle_points` channel over a connection of its own and hands each ``PointNotice`` to `onNotice`.
/// When that connection is lost (the database restarted, the network failed) it connects again every half
/// second until it can, listens again, and then calls `onResync`, since notices sent meanwhile are lost.
///
/// ```swift
/// let feed = PostGISChangeFeed(session: store.session,
///                              onNotice: { notice in try? registry.refresh(ids: notice.upserts, removed: notice.removed) },
///                              onResync: { try? registry.reload() })
/// try feed.start()
/// ```
public final class PostGISChangeFeed: Sendable {
    private let session: PostgresSession
    private let onNotice: @Sendable (PointNotice) -> Void
    private let onResync: @Sendable () -> Void
    private let stopped = Atomic<Bool>(false)
    private let current = Mutex<PostgresConnection?>(nil)
    private let logger = Logger(label: "paycircle.changes")
    /// Notices are handled in order, off the connection's event loop (handlers read the store, which waits
    /// on that loop).
    private let handling = DispatchQueue(label: "paycircle.changes")

    public init(session: PostgresSession, onNotice: @escaping @Sendable (PointNotice) -> Void, onResync: @escaping @Sendable () -> Void) {
        self.session = session
        self.onNotice = onNotice
        self.onResync = onResync
    }

    /// Listens once before returning (so no notice committed after this call is missed), then keeps
    /// listening on a thread of its own.
    public func start() throws {
        try listen()
        Thread.detachNewThread { [self] in self.watch() }
    }

    public func stop() {
        stopped.store(true, ordering: .relaxed)
        if let connection = current.withLock({ $0 }) { let closing: EventLoopFuture<Void> = connection.close(); _ = closing }
    }

    private func listen() throws {
        let connection = try session.connect()
        let onNotice = self.onNotice, handling = self.handling
        connection.addListener(channel: PointNotice.channel) { _, message in
            guard let notice = PointNotice(payload: message.payload) else { return }
            handling.async { onNotice(notice) }
        }
        // Queries run in order on a connection: once this answers, LISTEN is in force.
        _ = try PostgresSession.run("SELECT 1", on: connection, logger: logger)
        current.withLock { $0 = connection }
    }

    private func watch() {
        while !stopped.load(ordering: .relaxed) {
            if let connection = current.withLock({ $0 }) { _ = try? PostgresSession.wait(connection.closeFuture) }
            guard !stopped.load(ordering: .relaxed) else { return }
            logger.warning("lost the database connection that listens for changes; reconnecting")
            while !stopped.load(ordering: .relaxed) {
                Thread.sleep(forTimeInterval: 0.5)
                if (try? listen()) != nil { break }
            }
            guard !stopped.load(ordering: .relaxed) else { return }
            logger.info("listening for changes again; reloading the points")
            handling.sync { onResync() }
        }
    }
}
