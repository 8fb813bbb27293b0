import PayCircleCore
import Synchronization

/// The points as the services see them: the store as the source of truth and an in-memory
/// ``PointIndex`` kept in step with it.
///
/// Every write goes to the store first; only after it commits is the new index snapshot published, under
/// the same lock that orders writes, so readers always see a snapshot that matches a committed state.
///
/// ```swift
/// let registry = try PointRegistry(store: SpatiaLiteStore(path: "paycircle.sqlite"))
/// let nearest = registry.nearest(NearestQuery(location: here))
/// ```
public final class PointRegistry: Sendable {
    public let store: any PointStore
    let snapshot: Mutex<PointIndex>
    let writeOrder = Mutex(())

    public init(store: any PointStore) throws {
        self.store = store
        snapshot = Mutex(PointIndex(try store.loadPoints()))
    }

    /// The current consistent snapshot.
    public var index: PointIndex { snapshot.withLock { $0 } }

    public func nearest(_ query: NearestQuery) -> [NearestMatch] { index.nearest(query) }

    public func point(id: String) -> PaymentPoint? { index.point(id: id) }

    /// Writes `change` (and, when given, new OSM layers) to the store and then to the index.
    @discardableResult
    public func apply(_ change: PointChange, layers: OSMLayers? = nil) throws -> PointChangeSummary {
        try writeOrder.withLock { _ in
            let summary = try store.write(change, layers: layers)
            let next = index.applying(upserts: change.upserts, deletions: summary.removedIDs)
            snapshot.withLock { $0 = next }
            return summary
        }
    }
}
