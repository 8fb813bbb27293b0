import PayCircleCore
import Synchronization

/// The points as the services see them: the store as the source of truth and an in-memory
/// ``PointIndex`` kept in step with it.
///
/// Every write goes to the store first; only after it commits is the new index snapshot published. Writes
/// of the same point are ordered (``WriteLanes``), so the index ends as the store does; writes of
/// different points reach the store at once and are published one after the other, each on the newest
/// snapshot.
/// Each published snapshot carries a data ``version`` (advanced by every change), and values derived from
/// the whole snapshot, such as ``sortedPoints()``, are computed once per version rather than per request.
///
/// ```swift
/// let registry = try await PointRegistry(store: SpatiaLiteStore(path: "paycircle.sqlite"))
/// let nearest = registry.nearest(NearestQuery(location: here))
/// let (index, version) = registry.snapshot
/// ```
public final class PointRegistry: Sendable {
    /// One published state: the index and its data version, always read and replaced together.
    struct Published: Sendable {
        var index: PointIndex
        var version: UInt64
    }

    /// Values computed from one version of the points; dropped when a newer version is cached.
    struct Derived: Sendable {
        var version: UInt64
        var sortedPoints: [PaymentPoint]?
        var values: [String: any Sendable] = [:]
    }

    public let store: any DataStore
    let state: Mutex<Published>
    let lanes = WriteLanes()
    private let derivedValues = Mutex<Derived?>(nil)

    public init(store: any DataStore) async throws {
        self.store = store
        state = Mutex(Published(index: PointIndex(try await store.loadPoints()), version: 0))
    }

    /// The current consistent snapshot.
    public var index: PointIndex { state.withLock { $0.index } }

    /// The data version of the current snapshot: it grows by at least one with every published change
    /// (a write through ``apply(_:layers:)``, ``refresh(ids:removed:)`` or ``reload()``), and never
    /// within one process goes back. Versions are per registry, not shared between instances.
    public var version: UInt64 { state.withLock { $0.version } }

    /// The current snapshot and its version, read together.
    public var snapshot: (index: PointIndex, version: UInt64) {
        state.withLock { (index: $0.index, version: $0.version) }
    }

    public func nearest(_ query: NearestQuery) -> [NearestMatch] { index.nearest(query) }

    public func point(id: String) -> PaymentPoint? { index.point(id: id) }

    /// Every point of the current snapshot in id order. Computed once per version and then shared, so
    /// paging through all points does not sort the whole collection on each request.
    public func sortedPoints() -> [PaymentPoint] {
        sortedPoints(of: snapshot)
    }

    /// A value computed by `make` from every point in id order (``sortedPoints()``), once per version and
    /// kept under `key` until the points change; callers of the same key must ask for the same type.
    /// `make` runs outside every lock (two first callers of a version may both compute it; the one kept is
    /// either), so it may be slow without holding up readers or writers.
    ///
    /// ```swift
    /// let byKind = registry.derived("points-by-kind") { Dictionary(grouping: $0, by: \.kind) }
    /// ```
    public func derived<Value: Sendable>(_ key: String, _ make: (_ sortedPoints: [PaymentPoint]) -> Value) -> Value {
        let current = snapshot
        let cached: (any Sendable)? = derivedValues.withLock { derived in
            guard let derived, derived.version == current.version else { return nil }
            return derived.values[key]
        }
        if let value = cached as? Value { return value }
        let value = make(sortedPoints(of: current))
        remember(current.version) { $0.values[key] = value }
        return value
    }

    private func sortedPoints(of current: (index: PointIndex, version: UInt64)) -> [PaymentPoint] {
        let cached = derivedValues.withLock { derived -> [PaymentPoint]? in
            guard let derived, derived.version == current.version else { return nil }
            return derived.sortedPoints
        }
        if let cached { return cached }
        let sorted = current.index.allPoints
        remember(current.version) { $0.sortedPoints = sorted }
        return sorted
    }

    /// Records a derived value of `version`, unless a newer version is cached already.
    private func remember(_ version: UInt64, _ update: (inout Derived) -> Void) {
        derivedValues.withLock { derived in
            if let existing = derived, existing.version > version { return }
            if derived?.version != version { derived = Derived(version: version) }
            update(&derived!)
        }
    }

    /// Publishes `update` of the current snapshot with the next version. The update is made outside the
    /// lock and published only if no other change was published meanwhile, else made again on the newer
    /// snapshot; callers hold the lanes of the points they change.
    func publish(_ update: (PointIndex) -> PointIndex) {
        while true {
            let current = snapshot
            let next = update(current.index)
            let published = state.withLock { published in
                guard published.version == current.version else { return false }
                published.index = next
                published.version &+= 1
                return true
            }
            if published { return }
        }
    }

    /// Writes `change` (and, when given, new OSM layers) to the store and then to the index.
    @discardableResult
    public func apply(_ change: PointChange, layers: OSMLayers? = nil) async throws -> PointChangeSummary {
        let ids = change.replace == nil && layers == nil ? change.upserts.map(\.id) + change.deletions : nil
        return try await lanes.holding(ids) {
            let summary = try await store.write(change, layers: layers)
            publish { $0.applying(upserts: change.upserts, deletions: summary.removedIDs) }
            return summary
        }
    }
}
