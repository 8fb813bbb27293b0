import PayCircleCore
import Synchronization

/// The nearest answers' records rendered once per data version and coordinate system
/// (``PointFieldCache``): the cache of a version is dropped when a newer version asks.
final class NearestRecords: Sendable {
    private let current = Mutex<(version: UInt64, caches: [CoordinateSystem: PointFieldCache])>((0, [:]))

    /// The cache for points of data version `version` in `crs`; nil for an older version than the newest
    /// seen (its records would be dropped at once).
    func cache(version: UInt64, crs: CoordinateSystem) -> PointFieldCache? {
        current.withLock { current in
            if version > current.version { current = (version, [:]) }
            guard version == current.version else { return nil }
            if let cache = current.caches[crs] { return cache }
            let cache = PointFieldCache(crs: crs)
            current.caches[crs] = cache
            return cache
        }
    }
}
