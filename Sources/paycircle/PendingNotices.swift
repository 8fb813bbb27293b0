import PayCirclePostGIS
import PayCircleStore
import Synchronization

/// Applies change notices to a registry and queue board, holding those that arrive before they exist.
final class PendingNotices: Sendable {
    private struct State {
        var registry: PointRegistry?
        var queues: QueueBoard?
        var held: [PointNotice] = []
    }

    private let state = Mutex(State())

    func receive(_ notice: PointNotice) {
        let targets: (PointRegistry, QueueBoard)? = state.withLock { state in
            guard let registry = state.registry, let queues = state.queues else {
                state.held.append(notice)
                return nil
            }
            return (registry, queues)
        }
        if let (registry, queues) = targets { Self.apply(notice, to: registry, queues) }
    }

    func resync() {
        let targets = state.withLock { ($0.registry, $0.queues) }
        try? targets.0?.reload()
        try? targets.1?.reload()
    }

    /// From now on notices go to `registry` and `queues`; those held are applied first.
    func attach(_ registry: PointRegistry, queues: QueueBoard) {
        let held = state.withLock { state in
            state.registry = registry
            state.queues = queues
            defer { state.held = [] }
            return state.held
        }
        for notice in held { Self.apply(notice, to: registry, queues) }
    }

    private static func apply(_ notice: PointNotice, to registry: PointRegistry, _ queues: QueueBoard) {
        if notice.reload { try? registry.reload() } else if !notice.upserts.isEmpty || !notice.removed.isEmpty {
            try? registry.refresh(ids: notice.upserts, removed: notice.removed)
        }
        if notice.queues?.isEmpty == false { try? queues.reload() }
    }
}
