import Foundation
import Synchronization

/// An immutable snapshot of every payment point with a spatial index over them.
///
/// Writes produce a new snapshot (``applying(upserts:deletions:)``): changed points go to a small overlay
/// and hide their old entries in the static tree, which is rebuilt once the overlay grows past a share of
/// the whole. Readers holding a snapshot never see a half-applied write.
///
/// ```swift
/// let index = PointIndex(points)
/// let matches = index.nearest(NearestQuery(location: here, k: 5))
/// ```
public struct PointIndex: Sendable {
    /// The points of the static tree and the tree, shared by every snapshot made from them: copying a
    /// snapshot (as each request does) then retains one object rather than each of their arrays.
    final class Base: Sendable {
        /// Numbers every base built in this process, so that a ``PointSlot`` names one base only.
        private static let generations = Atomic<UInt64>(0)

        /// Sorted by id so that tree index order breaks ties by id.
        let points: [PaymentPoint]
        let tree: GeodesicKDTree
        let positions: [String: Int]
        /// The points' open-state inputs, numbered (their answers' open states are read from these).
        let openRules: OpenRules
        /// The points' records as answers write them, per coordinate system.
        let fieldTables = FieldTables()
        let generation: UInt64

        init(points: [PaymentPoint]) {
            generation = Self.generations.add(1, ordering: .relaxed).newValue
            self.points = points
            let openRules = OpenRules(points)
            self.openRules = openRules
            tree = GeodesicKDTree(points.map(\.location),
                                  tags: points.indices.map {
                                      PointTag.tag(of: points[$0], mayBeOpen: openRules.mayBeOpen(slot: $0), rule: openRules.rule(ofSlot: $0))
                                  })
            var positions: [String: Int] = [:]
            positions.reserveCapacity(points.count)
            for (position, point) in points.enumerated() { positions[point.id] = position }
            self.positions = positions
        }

        deinit { openRules.deallocate() }
    }

    private let base: Base
    /// Bit i set when base[i] was deleted or replaced by an overlay entry.
    private var hidden: [UInt64]
    private var hiddenCount = 0
    private var overlay: [String: PaymentPoint]

    public init(_ points: [PaymentPoint] = []) {
        // Sort positions rather than the large point values; for a repeated id the last one wins.
        let order = points.indices.sorted { (points[$0].id, $0) < (points[$1].id, $1) }
        var unique: [PaymentPoint] = []
        unique.reserveCapacity(points.count)
        for (rank, position) in order.enumerated() where rank + 1 == order.count || points[order[rank + 1]].id != points[position].id {
            unique.append(points[position])
        }
        base = Base(points: unique)
        hidden = Array(repeating: 0, count: (unique.count + 63) / 64)
        overlay = [:]
    }

    /// The generation of the static tree, shared by every snapshot written on it; ``PointSlot``s of its
    /// points carry it.
    public var slotGeneration: UInt64 { base.generation }

    /// How many slots the static tree has (its points, hidden ones included).
    public var slotCount: Int { base.points.count }

    /// Calls `body` with the records of the static tree's points rendered in `crs` (``PointFieldTable``):
    /// made when first asked for and kept as long as the tree, so every snapshot written on it shares them.
    /// The table is lent, not counted: every request of every client reads it.
    ///
    /// ```swift
    /// let body = index.withFieldTable(crs: .wgs84) { fields in
    ///     JSONWriter.withBytes(writing: { NearestResponse.write(request: request, matches: matches, fields: fields, to: &$0) }) { Array($0) }
    /// }
    /// ```
    public func withFieldTable<Result>(crs: CoordinateSystem, _ body: (PointFieldTable) throws -> Result) rethrows -> Result {
        try base.fieldTables.withTable(crs: crs, making: { PointFieldTable(for: self, crs: crs) }, body)
    }

    /// Number of points in the snapshot.
    public var count: Int {
        base.points.count - hiddenCount + overlay.count
    }

    /// Every point, in id order. The base is kept in id order, so this merges it with the sorted overlay
    /// (and is the base itself, shared rather than copied, when nothing was written since the build).
    public var allPoints: [PaymentPoint] {
        if hiddenCount == 0 && overlay.isEmpty { return base.points }
        var visible: [PaymentPoint] = []
        visible.reserveCapacity(base.points.count - hiddenCount)
        for (position, point) in base.points.enumerated() where !isHidden(position) { visible.append(point) }
        return Self.merged(visible, overlay.values.sorted { $0.id < $1.id }, limit: .max)
    }

    public func point(id: String) -> PaymentPoint? {
        if let point = overlay[id] { return point }
        guard let position = base.positions[id], !isHidden(position) else { return nil }
        return base.points[position]
    }

    /// A new snapshot with `upserts` written (by id) and `deletions` removed.
    public func applying(upserts: [PaymentPoint], deletions: [String] = []) -> PointIndex {
        var next = self
        for id in deletions + upserts.map(\.id) {
            next.overlay[id] = nil
            if let position = base.positions[id], !next.isHidden(position) {
                next.hidden[position / 64] |= 1 << UInt64(position % 64)
                next.hiddenCount += 1
            }
        }
        for point in upserts { next.overlay[point.id] = point }
        if next.overlay.count > max(1024, base.points.count / 8) {
            return PointIndex(next.allPoints)
        }
        return next
    }

    /// The nearest points matching `query`, nearest first, ties by id.
    public func nearest(_ query: NearestQuery) -> [NearestMatch] { Array(nearestAnswer(query)) }

    /// The same answer, its points found in the tree named by slot rather than copied
    /// (``NearestAnswer``).
    public func nearestAnswer(_ query: NearestQuery) -> NearestAnswer {
        let k = min(max(query.k, NearestQuery.kRange.lowerBound), NearestQuery.kRange.upperBound)
        let limit = query.maxDistance ?? .infinity
        var openState = OpenStateCache(date: query.evaluatedAt)
        let neighbors: [GeodesicKDTree.Neighbor]
        if query.isUnfiltered && hiddenCount == 0 {
            neighbors = base.tree.nearest(to: query.location, k: k, maxDistance: limit)
        } else if query.openAt == nil && hiddenCount == 0 {
            // Kinds, services and statuses are tested on the tree's tags alone.
            neighbors = base.tree.nearest(to: query.location, k: k, maxDistance: limit, passing: PointTag.test(for: query))
        } else {
            // Points whose tags pass still need their hours evaluated, or may have been written since the
            // build. The filter keeps an evaluation of its own: a closure that may escape boxes what it captures.
            var filterRules = OpenRules.Evaluation(date: query.evaluatedAt)
            let needsOpen = query.openAt != nil
            neighbors = base.tree.nearest(to: query.location, k: k, maxDistance: limit, passing: PointTag.test(for: query)) {
                [base, hidden, hiddenCount] position, tag in
                (hiddenCount == 0 || !Self.isHidden(position, in: hidden))
                    && (!needsOpen || base.openRules.isOpen(slot: position, tag: tag, &filterRules) == true)
            }
        }
        for neighbor in neighbors { base.openRules.prefetch(slot: neighbor.index) }
        var openStates = OpenRules.Evaluation(date: query.evaluatedAt)
        var entries: [NearestAnswer.Entry] = []
        entries.reserveCapacity(k)
        if overlay.isEmpty {
            for neighbor in neighbors {
                entries.append(.slot(position: neighbor.index, distance: neighbor.distance, isOpen: base.openRules.isOpen(slot: neighbor.index, &openStates)))
            }
            return NearestAnswer(slots: base, entries: entries)
        }
        // Points written since the build compete with the tree's: merge by distance, ties by id.
        var merged: [(distance: Double, id: String, entry: NearestAnswer.Entry)] = neighbors.map {
            ($0.distance, base.points[$0.index].id, .slot(position: $0.index, distance: $0.distance, isOpen: nil))
        }
        for point in overlay.values where Self.accepts(point, query, &openState) {
            let distance = Geodesic.distance(query.location, point.location)
            if distance <= limit { merged.append((distance, point.id, .match(NearestMatch(point: point, distance: distance, isOpen: nil)))) }
        }
        merged.sort { ($0.distance, $0.id) < ($1.distance, $1.id) }
        for candidate in merged.prefix(k) {
            switch candidate.entry {
            case let .slot(position, distance, _):
                entries.append(.slot(position: position, distance: distance, isOpen: base.openRules.isOpen(slot: position, &openStates)))
            case var .match(match):
                match.isOpen = openState.isOpen(match.point)
                entries.append(.match(match))
            }
        }
        return NearestAnswer(slots: base, entries: entries)
    }

    /// Whether `point` passes every filter of `query`, the opening hours included.
    private static func accepts(_ point: PaymentPoint, _ query: NearestQuery, _ openState: inout OpenStateCache) -> Bool {
        guard query.matchesAttributes(point) else { return false }
        return query.openAt == nil || openState.isOpen(point) == true
    }

    /// Points inside a WGS-84 bounding box (``BoundingBox/contains(_:)``), optionally of some kinds only,
    /// in id order, at most `limit` of them (the first by id). The tree is asked for the box only, so the
    /// work grows with the points in the box rather than with the whole snapshot.
    public func points(in box: BoundingBox, kinds: Set<PointKind>? = nil, limit: Int = .max) -> [PaymentPoint] {
        guard limit > 0 else { return [] }
        // Tree indices are base positions, and the base is in id order: sorting positions sorts by id.
        var positions: [Int] = []
        let hasHidden = hiddenCount > 0
        base.tree.forEachIndex(in: box) { position in
            if hasHidden && isHidden(position) { return }
            if let kinds, !kinds.contains(base.points[position].kind) { return }
            positions.append(position)
        }
        positions.sort()
        var inBase: [PaymentPoint] = []
        inBase.reserveCapacity(min(positions.count, limit))
        for position in positions.prefix(limit) { inBase.append(base.points[position]) }
        guard !overlay.isEmpty else { return inBase }
        let inOverlay = overlay.values
            .filter { box.contains($0.location) && (kinds?.contains($0.kind) ?? true) }
            .sorted { $0.id < $1.id }
        return Self.merged(inBase, inOverlay, limit: limit)
    }

    /// Two id-ordered lists as one, in id order, cut after `limit` points. Visible base points and overlay
    /// points never share an id (an overlay entry hides its base entry).
    private static func merged(_ a: [PaymentPoint], _ b: [PaymentPoint], limit: Int) -> [PaymentPoint] {
        if b.isEmpty { return a.count <= limit ? a : Array(a.prefix(limit)) }
        if a.isEmpty { return b.count <= limit ? b : Array(b.prefix(limit)) }
        var result: [PaymentPoint] = []
        result.reserveCapacity(min(a.count + b.count, limit))
        var i = 0, j = 0
        while result.count < limit && (i < a.count || j < b.count) {
            if j == b.count || (i < a.count && a[i].id < b[j].id) {
                result.append(a[i])
                i += 1
            } else {
                result.append(b[j])
                j += 1
            }
        }
        return result
    }

    @inline(__always)
    private func isHidden(_ position: Int) -> Bool { Self.isHidden(position, in: hidden) }

    @inline(__always)
    private static func isHidden(_ position: Int, in hidden: [UInt64]) -> Bool {
        hidden[position / 64] & (1 << UInt64(position % 64)) != 0
    }
}
