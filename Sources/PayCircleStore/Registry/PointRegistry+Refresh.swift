import PayCircleCore

extension PointRegistry {
    /// Reads `ids` again from the store and drops `removed`, for writes made by another instance over the
    /// same database. An id no longer in the store is dropped too. Publishes a new ``version``.
    ///
    /// ```swift
    /// try await registry.refresh(ids: ["kiosk-9"], removed: [])
    /// ```
    public func refresh(ids: [String], removed: [String]) async throws {
        try await lanes.holding(ids + removed) {
            var upserts: [PaymentPoint] = []
            var gone = removed
            for id in Set(ids) {
                if let point = try await store.point(id: id) { upserts.append(point) } else { gone.append(id) }
            }
            publish { $0.applying(upserts: upserts, deletions: gone) }
        }
    }

    /// Rebuilds the index from every point in the store (after a lost connection, or a change too large
    /// to describe). Publishes a new ``version``.
    public func reload() async throws {
        try await lanes.holding(nil) {
            let points = try await store.loadPoints()
            publish { _ in PointIndex(points) }
        }
    }
}
