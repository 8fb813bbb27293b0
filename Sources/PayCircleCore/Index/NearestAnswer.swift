/// The answer to a ``NearestQuery``, nearest first: a collection of ``NearestMatch``.
///
/// Points found in a snapshot's static tree are kept as their slot in that snapshot, not as copies: a
/// point is read when its match is asked for. An answer written from records kept by slot
/// (``PointFieldTable``) then never touches the points at all, which matters on the nearest hot path,
/// where copying five large point values cost more than finding them.
///
/// ```swift
/// let answer = index.nearestAnswer(NearestQuery(location: here, k: 5))
/// for match in answer { print(match.point.id, match.distance) }
/// ```
public struct NearestAnswer: RandomAccessCollection, Sendable {
    /// One match: found in the snapshot's tree (its slot position, distance and open state), or whole.
    enum Entry: Sendable {
        case slot(position: Int, distance: Double, isOpen: Bool?)
        case match(NearestMatch)
    }

    /// The snapshot that the slot entries name; nil when every entry is whole.
    private let snapshot: PointIndex?
    private let entries: [Entry]

    /// An answer of matches given whole (walking answers, say).
    public init(_ matches: [NearestMatch]) {
        snapshot = nil
        entries = matches.map(Entry.match)
    }

    /// An answer whose slot entries name points of `snapshot`.
    init(snapshot: PointIndex, entries: [Entry]) {
        self.snapshot = snapshot
        self.entries = entries
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }

    /// The match at `position`; its point is read from the snapshot when it was found in the tree.
    public subscript(position: Int) -> NearestMatch {
        switch entries[position] {
        case let .match(match):
            return match
        case let .slot(slot, distance, isOpen):
            let snapshot = snapshot!
            var match = NearestMatch(point: snapshot.point(atSlot: slot), distance: distance, isOpen: isOpen)
            match.slot = PointSlot(generation: snapshot.slotGeneration, position: slot)
            return match
        }
    }

    /// Where the point of the match at `position` sits in the snapshot's tree; nil for points written
    /// since the tree was built.
    public func slot(at position: Int) -> PointSlot? {
        switch entries[position] {
        case let .match(match): return match.slot
        case let .slot(slot, _, _): return PointSlot(generation: snapshot!.slotGeneration, position: slot)
        }
    }

    /// The entry at `position`, for writers that want a match's figures without its point.
    func entry(at position: Int) -> Entry { entries[position] }

    /// The point of a slot entry, read in place from the snapshot.
    func point(atSlot position: Int) -> PaymentPoint { snapshot!.point(atSlot: position) }
}

extension NearestAnswer: Equatable {
    public static func == (a: NearestAnswer, b: NearestAnswer) -> Bool { a.elementsEqual(b) }
}
