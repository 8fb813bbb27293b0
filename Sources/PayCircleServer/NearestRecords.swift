import PayCircleCore
import Synchronization

/// The nearest answers' records, rendered once per static tree and coordinate system
/// (``PointFieldTable``): the tables of a tree are dropped when a newer tree asks.
final class NearestRecords: Sendable {
    private let current = Mutex<(generation: UInt64, tables: [CoordinateSystem: PointFieldTable])>((0, [:]))

    /// The table for the static tree of `index` in `crs`; nil for an older tree than the newest seen (its
    /// records would be dropped at once).
    func table(for index: PointIndex, crs: CoordinateSystem) -> PointFieldTable? {
        let generation = index.slotGeneration
        let found: PointFieldTable?? = current.withLock { current in
            if generation > current.generation { current = (generation, [:]) }
            guard generation == current.generation else { return .some(nil) }
            return current.tables[crs].map { .some($0) }
        }
        if let found { return found }
        // A new table sets up a slot for every point: outside the lock, so that answers of other
        // coordinate systems do not wait; the first of two racing tables is the one kept.
        let made = PointFieldTable(for: index, crs: crs)
        return current.withLock { current in
            guard generation == current.generation else { return nil }
            if let table = current.tables[crs] { return table }
            current.tables[crs] = made
            return made
        }
    }
}
