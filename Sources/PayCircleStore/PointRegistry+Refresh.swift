import PayCircleCore

extension PointRegistry {
    /// Reads `ids` again from the store and drops `removed`, for writes made by another instance over the
    /// same database. An id no longer in the store is dropped too.
    ///
    /// ```swift
    /// try registry.refresh(ids: ["kiosk-9"], removed: [])
    /// ```
    public func refresh(ids: [String], removed: [String]) throws {
        try writeOrder.withLock { _ in
            var upserts: [PaymentPoint] = []
            var gone = removed
            for id in Set(ids) {
                if let point = try store.point(id: id) { upserts.append(point) } else { gone.append(id) }
            }
            let next = index.applying(upserts: upserts, deletions: gone)
            snapshot.withLock { $0 = next }
        }
    }

    /// Rebuilds the index from every point in the store (after a lost connection, or a change too large
    /// to describe).
    public func reload() throws {
        try writeOrder.withLock { _ in
            let next = PointIndex(try store.loadPoints())
            snapshot.withLock { $0 = next }
        }
    }
}
