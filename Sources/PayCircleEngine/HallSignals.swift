import Foundation
import Synchronization

/// Wakes whoever watches a hall when its queue changes in this instance — a report, a ticket issued,
/// called, closed, cancelled or swept — and, besides, every `tick`, so that a watcher also sees what
/// other instances wrote and what the passing time changed.
///
/// ```swift
/// let watch = engine.signals.watch("hall-1")
/// defer { watch.stop() }
/// for await _ in watch.wakes { /* read the ticket again */ }
/// ```
public final class HallSignals: Sendable {
    /// One watcher: its wakes, and `stop` to end them.
    public struct Watch: Sendable {
        public let wakes: AsyncStream<Void>
        public let stop: @Sendable () -> Void
    }

    private let watchers = Mutex<[UUID: (hallID: String, continuation: AsyncStream<Void>.Continuation)]>([:])
    private let tick: Duration

    public init(tick: Duration = .seconds(1)) {
        self.tick = tick
    }

    /// Wakes for `hallID`: at once (to read the first state), on each of its changes and every tick. Wakes
    /// that come while the watcher is busy fold into one.
    public func watch(_ hallID: String) -> Watch {
        let (wakes, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        watchers.withLock { $0[id] = (hallID, continuation) }
        continuation.yield()
        let ticker = Task { [tick] in
            while !Task.isCancelled {
                try? await Task.sleep(for: tick)
                continuation.yield()
            }
        }
        return Watch(wakes: wakes) { [weak self] in
            ticker.cancel()
            continuation.finish()
            self?.watchers.withLock { _ = $0.removeValue(forKey: id) }
        }
    }

    /// Something about `hallID`'s queue changed.
    public func signal(_ hallID: String) {
        watchers.withLock { watchers in
            for watcher in watchers.values where watcher.hallID == hallID { watcher.continuation.yield() }
        }
    }

    /// Something may have changed in every hall (a sweep ended tickets).
    public func signalAll() {
        watchers.withLock { watchers in
            for watcher in watchers.values { watcher.continuation.yield() }
        }
    }

    /// How many watchers there are now.
    public var count: Int { watchers.withLock { $0.count } }
}
