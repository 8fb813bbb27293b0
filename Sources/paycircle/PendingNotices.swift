import PayCirclePostGIS
import PayCircleStore
import Synchronization

/// Applies change notices to a registry, holding those that arrive before the registry exists.
final class PendingNotices: Sendable {
    private struct State {
        var registry: PointRegistry?
        var held: [PointNotice] = []
    }

    private let state = Mutex(State())

    func receive(_ notice: PointNotice) {
        let registry: PointRegistry? = state.withLock { state in
            if state.registry == nil { state.held.append(notice) }
            return state.registry
        }
        if let registry { Self.apply(notice, to: registry) }
    }

    func resync() {
        try? state.withLock { $0.registry }?.reload()
    }

    /// From now on notices go to `registry`; those held are applied first.
    func attach(_ registry: PointRegistry) {
        let held = state.withLock { state in
            state.registry = registry
            defer { state.held = [] }
            return state.held
        }
        for notice in held { Self.apply(notice, to: registry) }
    }

    private static func apply(_ notice: PointNotice, to registry: PointRegistry) {
        if notice.reload { try? registry.reload() } else { try? registry.refresh(ids: notice.upserts, removed: notice.removed) }
    }
}
