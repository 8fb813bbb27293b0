/// Where a point sits in the static tree of a ``PointIndex`` snapshot: the tree's generation and the
/// point's position in it. Snapshots written on the same tree share its slots, and a slot names one tree
/// only, so values kept per slot (such as ``PointFieldTable``'s rendered records) stay right across writes.
public struct PointSlot: Sendable, Hashable {
    /// The tree's generation (``PointIndex/slotGeneration``).
    public var generation: UInt64
    /// The point's position in the tree, below ``PointIndex/slotCount``.
    public var position: Int
}
