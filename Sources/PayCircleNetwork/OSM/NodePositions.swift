import PayCircleCore

/// Positions of the nodes read so far, by id. OSM files list nodes in ascending id order, so ids are
/// appended to a sorted array and found by binary search, with no hashing; a file whose ids come out of
/// order moves them into a dictionary from then on.
///
/// Each node read has a slot, numbered from 0 in reading order, so that extractors can keep tables by node
/// in flat arrays rather than dictionaries keyed by OSM id.
public struct NodePositions {
    /// Ids in slot order, while they come in ascending order.
    private var ids: [Int64] = []
    private var coordinates: [Coordinate] = []
    /// The slot of each id, once ids came out of order.
    private var slotsByID: [Int64: Int]?

    public init() {}

    /// Nodes read so far, and one more than the highest slot.
    public var count: Int { coordinates.count }

    /// Adds node `id` at `coordinate`; a node read again keeps its slot and takes the later position.
    public mutating func add(_ id: Int64, _ coordinate: Coordinate) {
        if slotsByID == nil, let last = ids.last, id <= last {
            slotsByID = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            ids = []
        }
        if slotsByID != nil {
            if let slot = slotsByID![id] {
                coordinates[slot] = coordinate
                return
            }
            slotsByID![id] = coordinates.count
        } else {
            ids.append(id)
        }
        coordinates.append(coordinate)
    }

    /// The slot of node `id`, nil when it was not read.
    public func slot(of id: Int64) -> Int? {
        if let slotsByID { return slotsByID[id] }
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id ? low : nil
    }

    /// The position in slot `slot`.
    public subscript(slot slot: Int) -> Coordinate { coordinates[slot] }

    public subscript(id: Int64) -> Coordinate? { slot(of: id).map { coordinates[$0] } }
}
