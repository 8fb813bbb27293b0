import PayCircleCore

/// Positions of the nodes read so far, by id. OSM files list nodes in ascending id order, so positions
/// are appended to sorted arrays and found by binary search, with no hashing; a file whose ids come out of
/// order moves them into a dictionary from then on.
public struct NodePositions {
    private var ids: [Int64] = []
    private var coordinates: [Coordinate] = []
    private var unordered: [Int64: Coordinate]?

    public init() {}

    public mutating func add(_ id: Int64, _ coordinate: Coordinate) {
        if unordered == nil, let last = ids.last, id <= last {
            unordered = Dictionary(zip(ids, coordinates), uniquingKeysWith: { _, later in later })
            ids = []
            coordinates = []
        }
        if unordered != nil {
            unordered![id] = coordinate
        } else {
            ids.append(id)
            coordinates.append(coordinate)
        }
    }

    public subscript(id: Int64) -> Coordinate? {
        if let unordered { return unordered[id] }
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id ? coordinates[low] : nil
    }
}
