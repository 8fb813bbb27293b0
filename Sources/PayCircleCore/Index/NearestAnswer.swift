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

    /// The static tree's points that the slot entries name (those of the snapshot searched, and of every
    /// snapshot written on its tree); nil when every entry is whole. Only these are kept, not the whole
    /// snapshot: each reference an answer keeps is counted on an object that every request shares.
    private let slots: PointIndex.Base?
    private let entries: [Entry]

    /// An answer of matches given whole (walking answers, say).
    public init(_ matches: [NearestMatch]) {
        slots = nil
        entries = matches.map(Entry.match)
    }

    /// An answer whose slot entries name points of `slots`.
    init(slots: PointIndex.Base, entries: [Entry]) {
        self.slots = slots
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
            let slots = slots!
            var match = NearestMatch(point: slots.points[slot], distance: distance, isOpen: isOpen)
            match.slot = PointSlot(generation: slots.generation, position: slot)
            return match
        }
    }

    /// Where the point of the match at `position` sits in the snapshot's tree; nil for points written
    /// since the tree was built.
    public func slot(at position: Int) -> PointSlot? {
        switch entries[position] {
        case let .match(match): return match.slot
        case let .slot(slot, _, _): return PointSlot(generation: slots!.generation, position: slot)
        }
    }

    /// The entry at `position`, for writers that want a match's figures without its point.
    func entry(at position: Int) -> Entry { entries[position] }

    /// The point of a slot entry, read in place from the tree's points.
    func point(atSlot position: Int) -> PaymentPoint { slots!.points[position] }
}

extension NearestAnswer: Equatable {
    public static func == (a: NearestAnswer, b: NearestAnswer) -> Bool { a.elementsEqual(b) }
}
