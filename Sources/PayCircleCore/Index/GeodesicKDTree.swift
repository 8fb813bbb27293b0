import CPrefetch

/// A static k-d tree over WGS-84 positions that answers k-nearest queries by exact geodesic distance.
///
/// Points live in earth-centred Cartesian coordinates (metres). The straight-line (chord) distance between
/// two points on the ellipsoid never exceeds their geodesic distance, and exceeds it by a bounded amount
/// (see ``NeighborList``), so the search ranks by chord and computes the exact geodesic only for the k
/// survivors and their near-ties. Ties are broken by the smaller index, so callers who want ties by id
/// number their points in id order.
///
/// ```swift
/// let tree = GeodesicKDTree(coordinates)
/// let five = tree.nearest(to: here, k: 5)          // [(index, metres)], nearest first
/// ```
public struct GeodesicKDTree: Sendable {
    /// A box in earth-centred coordinates, in single precision and rounded outwards, so that it holds
    /// every point of its range: distances to it stay lower bounds, and a node fits in one cache line.
    struct Box: Sendable {
        var minX, minY, minZ, maxX, maxY, maxZ: Float

        init(_ box: (min: Point, max: Point)) {
            minX = Self.below(box.min.x); minY = Self.below(box.min.y); minZ = Self.below(box.min.z)
            maxX = Self.above(box.max.x); maxY = Self.above(box.max.y); maxZ = Self.above(box.max.z)
        }

        private static func below(_ value: Double) -> Float {
            let rounded = Float(value)
            return Double(rounded) > value ? rounded.nextDown : rounded
        }

        private static func above(_ value: Double) -> Float {
            let rounded = Float(value)
            return Double(rounded) < value ? rounded.nextUp : rounded
        }
    }

    /// A range of points, `start..<end` in tree order, split at `middle`, with the boxes of both halves. A
    /// half of ``leafSize`` points or fewer is a leaf, scanned point by point; a larger lower half is the
    /// next node, a larger upper half is node `upperNode`. Box queries walk these nodes; the nearest search
    /// walks the same splits two levels at a time (``SearchHalf``).
    struct Node: Sendable {
        var lowerBox, upperBox: Box
        var start, middle, end: Int32
        /// The upper half's node, or -1 when that half is a leaf.
        var upperNode: Int32

        /// The lower half's node, when this node is node `index`: the next one, or -1 when that half is a leaf.
        func lowerNode(at index: Int32) -> Int32 { middle - start > GeodesicKDTree.leafSize ? index + 1 : -1 }
    }

    /// A point in earth-centred Cartesian coordinates (metres).
    struct Point: Sendable {
        var x, y, z: Double
    }

    /// The latitude and longitude bounds of a range's points, for box queries; kept apart from ``Node`` so
    /// that nearest searches read no more memory than they need.
    struct GeoBounds: Sendable {
        var minLatitude, maxLatitude, minLongitude, maxLongitude: Double
        /// False when some point of the range has a coordinate that is not a number (left out of the
        /// bounds; no box contains it): the range is then never taken whole.
        var allNumbers: Bool
    }

    /// A point found by a query: its index in the array the tree was built from, and its distance.
    public struct Neighbor: Sendable, Hashable {
        public var index: Int
        public var distance: Double

        public init(index: Int, distance: Double) {
            self.index = index
            self.distance = distance
        }
    }

    /// Which points a search may return, by the 32 bits each point was built with (its tag): the tag must
    /// share a bit with `anyOf` and one with `alsoAnyOf`, and hold every bit of `allOf`. The test is made on
    /// the record the search reads anyway, so a filter that says no costs no other read.
    public struct TagTest: Sendable {
        public var anyOf, alsoAnyOf, allOf: UInt32

        public init(anyOf: UInt32, alsoAnyOf: UInt32, allOf: UInt32) {
            self.anyOf = anyOf
            self.alsoAnyOf = alsoAnyOf
            self.allOf = allOf
        }

        /// Lets through every tag with a bit in each of the two groups: every point built without tags (they
        /// carry every bit) and every point ``PointTag`` tags (a kind bit and a status bit each).
        public static let everything = TagTest(anyOf: .max, alsoAnyOf: .max, allOf: 0)

        @inline(__always) func passes(_ tag: UInt32) -> Bool {
            tag & anyOf != 0 && tag & alsoAnyOf != 0 && tag & allOf == allOf
        }
    }

    static let leafSize = 16

    public let count: Int
    /// A point as the search scans it: where it is, its index in the array the tree was built from and
    /// its bits for ``TagTest``; 32 bytes, two to a cache line.
    struct Record: Sendable {
        var point: Point
        var original: Int32
        /// The caller's bits for ``TagTest``.
        var tag: UInt32
    }

    /// The points in tree order, each leaf's together.
    private let records: [Record]
    /// The same points prepared for their exact distance, in the same order: read only for the few that
    /// survive a search (and by box queries), so they stay out of the lines its scans read.
    private let prepared: [Geodesic.PreparedPoint]
    /// The splits, in depth-first order; empty when every point fits in one leaf.
    private let nodes: [Node]
    /// The same splits as the nearest search reads them, two levels at a time (``SearchHalf``); the first
    /// is the whole set.
    private let searchHalves: [SearchHalf]
    /// The geographic bounds of each node's lower and upper halves, and of all the points.
    private let halfBounds: [(lower: GeoBounds, upper: GeoBounds)]
    private let allBounds: GeoBounds

    /// A tree over `coordinates`; `tags`, when given, holds each point's bits for ``TagTest`` (without
    /// them every point carries every bit).
    public init(_ coordinates: [Coordinate], tags: [UInt32]? = nil) {
        precondition(tags == nil || tags?.count == coordinates.count, "one tag per coordinate")
        count = coordinates.count
        var order = Array(0..<Int32(coordinates.count))
        let ecef = coordinates.map { coordinate in
            let centred = Geodesic.earthCenteredPoint(coordinate)
            return Point(x: centred.x, y: centred.y, z: centred.z)
        }
        var builder = Builder(ecef: ecef, coordinates: coordinates)
        allBounds = builder.build(&order, 0, coordinates.count).bounds
        nodes = builder.nodes
        searchHalves = SearchHalf.halves(of: builder.nodes, count: coordinates.count)
        halfBounds = builder.halfBounds
        records = order.map { Record(point: ecef[Int($0)], original: $0, tag: tags?[Int($0)] ?? .max) }
        prepared = order.map { Geodesic.PreparedPoint(coordinates[Int($0)]) }
    }

    /// The `k` nearest points to `origin` within `maxDistance` metres whose tags pass `test` and that
    /// `accept` then lets through (given each point's index and tag), nearest first, ties by index.
    public func nearest(
        to origin: Coordinate, k: Int, maxDistance: Double = .infinity, passing test: TagTest = .everything, accept: ((Int, UInt32) -> Bool)? = nil
    ) -> [Neighbor] {
        guard k > 0, count > 0 else { return [] }
        let centred = Geodesic.earthCenteredPoint(origin)
        let q = Point(x: centred.x, y: centred.y, z: centred.z)
        var list = NeighborList(capacity: k, limit: maxDistance)
        searchHalves.withUnsafeBufferPointer { halves in
            records.withUnsafeBufferPointer { records in
                // Each level leaves at most three halves waiting, and the tree is balanced: 256 entries
                // outlast any depth.
                withUnsafeTemporaryAllocation(of: PendingHalf.self, capacity: 256) { stack in
                    Self.collect(near: q, halves: halves, records: records, stack: stack, test: test, accept: accept, into: &list)
                }
            }
        }
        // Ask for every survivor's prepared point at once, so that their reads overlap.
        prepared.withUnsafeBufferPointer { prepared in
            for candidate in list.candidates {
                paycircle_prefetch_bytes(prepared.baseAddress! + candidate.index, MemoryLayout<Geodesic.PreparedPoint>.stride)
            }
        }
        let preparedOrigin = Geodesic.PreparedPoint(origin)
        var neighbors: [Neighbor] = []
        neighbors.reserveCapacity(list.candidates.count)
        for candidate in list.candidates {
            let distance = Geodesic.distance(preparedOrigin, prepared[candidate.index])
            guard distance <= maxDistance else { continue }
            // Insertion into the sorted list: candidates are k plus rare near-ties.
            let neighbor = Neighbor(index: Int(records[candidate.index].original), distance: distance)
            neighbors.append(neighbor)
            var position = neighbors.count - 1
            while position > 0, (neighbors[position - 1].distance, neighbors[position - 1].index) > (distance, neighbor.index) {
                neighbors[position] = neighbors[position - 1]
                position -= 1
            }
            neighbors[position] = neighbor
        }
        if neighbors.count > k { neighbors.removeLast(neighbors.count - k) }
        return neighbors
    }

    /// Puts into `list` every point that could be among its nearest to `q`. Depth-first, the nearest half
    /// first. A half waits on the stack with its box distance, so one that the bound has passed by the time
    /// it comes up is dropped unread. Each visit asks for the memory of every half it keeps at once (their
    /// halves, or a leaf's points), so that those reads overlap rather than follow one another. The list is
    /// a parameter, not a capture: a variable captured by a nested function is checked for exclusive
    /// access at run time on every use.
    private static func collect(near q: Point, halves: UnsafeBufferPointer<SearchHalf>, records: UnsafeBufferPointer<Record>,
                                stack: UnsafeMutableBufferPointer<PendingHalf>, test: TagTest, accept: ((Int, UInt32) -> Bool)?,
                                into list: inout NeighborList) {
        stack[0] = PendingHalf(distanceSquared: 0, half: 0)
        var top = 1
        while top > 0 {
            top -= 1
            let pending = stack[top]
            if pending.distanceSquared > list.boundSquared { continue }
            let half = halves[Int(pending.half)]
            if half.childCount == 0 {
                for i in Int(half.start)..<Int(half.end) {
                    let p = records[i].point
                    let dx = p.x - q.x, dy = p.y - q.y, dz = p.z - q.z
                    let chordSquared = dx * dx + dy * dy + dz * dz
                    if chordSquared > list.boundSquared || !test.passes(records[i].tag) { continue }
                    if let accept, !accept(Int(records[i].original), records[i].tag) { continue }
                    list.insert(i, chordSquared: chordSquared)
                }
                continue
            }
            let waiting = top
            for child in Int(half.firstChild)..<Int(half.firstChild + half.childCount) {
                let kept = halves[child]
                let distanceSquared = Self.distanceSquared(kept.box, q)
                if distanceSquared > list.boundSquared { continue }
                if kept.childCount == 0 {
                    paycircle_prefetch_bytes(records.baseAddress! + Int(kept.start), MemoryLayout<Record>.stride * Int(kept.end - kept.start))
                } else {
                    paycircle_prefetch_bytes(halves.baseAddress! + Int(kept.firstChild), MemoryLayout<SearchHalf>.stride * Int(kept.childCount))
                }
                // Farther halves lower on the stack: the nearest comes up next.
                var position = top
                while position > waiting, stack[position - 1].distanceSquared < distanceSquared {
                    stack[position] = stack[position - 1]
                    position -= 1
                }
                stack[position] = PendingHalf(distanceSquared: distanceSquared, half: Int32(child))
                top += 1
            }
        }
    }

    /// A half waiting to be searched: its place in ``searchHalves`` and its box distance.
    private struct PendingHalf {
        var distanceSquared: Double
        var half: Int32
    }

    /// Calls `body` with the index (in the array the tree was built from) of every point inside `box`
    /// (``BoundingBox/contains(_:)``), in no particular order. Only subtrees whose latitude/longitude
    /// bounds meet the box are visited, and those wholly inside it are listed without testing each point.
    public func forEachIndex(in box: BoundingBox, _ body: (Int) -> Void) {
        // A box with a bound that is not a number, or with its minimum above its maximum, holds nothing.
        guard count > 0, box.minLatitude <= box.maxLatitude, box.minLongitude <= box.maxLongitude else { return }
        records.withUnsafeBufferPointer { records in
            // Depth-first; at most one pending half per level, so 128 entries are plenty.
            withUnsafeTemporaryAllocation(of: (bounds: GeoBounds, start: Int32, end: Int32, node: Int32).self, capacity: 128) { stack in
                stack[0] = (allBounds, 0, Int32(count), nodes.isEmpty ? -1 : 0)
                var top = 1
                while top > 0 {
                    top -= 1
                    let (b, start, end, node) = stack[top]
                    if b.maxLatitude < box.minLatitude || b.minLatitude > box.maxLatitude
                        || b.maxLongitude < box.minLongitude || b.minLongitude > box.maxLongitude {
                        continue
                    }
                    if b.allNumbers && b.minLatitude >= box.minLatitude && b.maxLatitude <= box.maxLatitude
                        && b.minLongitude >= box.minLongitude && b.maxLongitude <= box.maxLongitude {
                        for i in Int(start)..<Int(end) { body(Int(records[i].original)) }
                        continue
                    }
                    if node < 0 {
                        for i in Int(start)..<Int(end) where box.contains(prepared[i].coordinate) { body(Int(records[i].original)) }
                        continue
                    }
                    let split = nodes[Int(node)], halves = halfBounds[Int(node)]
                    stack[top] = (halves.upper, split.middle, split.end, split.upperNode)
                    stack[top + 1] = (halves.lower, split.start, split.middle, split.lowerNode(at: node))
                    top += 2
                }
            }
        }
    }

    /// The indices of the points inside `box`, ascending.
    public func indices(in box: BoundingBox) -> [Int] {
        var found: [Int] = []
        forEachIndex(in: box) { found.append($0) }
        found.sort()
        return found
    }

    @inline(__always)
    private static func distanceSquared(_ box: Box, _ q: Point) -> Double {
        let dx = max(Double(box.minX) - q.x, 0, q.x - Double(box.maxX))
        let dy = max(Double(box.minY) - q.y, 0, q.y - Double(box.maxY))
        let dz = max(Double(box.minZ) - q.z, 0, q.z - Double(box.maxZ))
        return dx * dx + dy * dy + dz * dz
    }
}

extension GeodesicKDTree {
    /// Builds the node array by splitting on the widest axis at the median (quickselect).
    fileprivate struct Builder {
        let ecef: [Point]
        let coordinates: [Coordinate]
        var nodes: [Node] = []
        var halfBounds: [(lower: GeoBounds, upper: GeoBounds)] = []

        /// Orders `order[start..<end]` into a subtree, adding its nodes (if it is larger than a leaf);
        /// returns the range's box and geographic bounds.
        mutating func build(_ order: inout [Int32], _ start: Int, _ end: Int) -> (box: (min: Point, max: Point), bounds: GeoBounds) {
            var low = Point(x: .infinity, y: .infinity, z: .infinity), high = Point(x: -.infinity, y: -.infinity, z: -.infinity)
            for i in start..<end {
                let p = ecef[Int(order[i])]
                low.x = min(low.x, p.x); high.x = max(high.x, p.x)
                low.y = min(low.y, p.y); high.y = max(high.y, p.y)
                low.z = min(low.z, p.z); high.z = max(high.z, p.z)
            }
            var bounds = GeoBounds(minLatitude: .infinity, maxLatitude: -.infinity,
                                   minLongitude: .infinity, maxLongitude: -.infinity, allNumbers: true)
            for i in start..<end {
                let c = coordinates[Int(order[i])]
                guard !c.latitude.isNaN, !c.longitude.isNaN else {
                    bounds.allNumbers = false
                    continue
                }
                bounds.minLatitude = min(bounds.minLatitude, c.latitude); bounds.maxLatitude = max(bounds.maxLatitude, c.latitude)
                bounds.minLongitude = min(bounds.minLongitude, c.longitude); bounds.maxLongitude = max(bounds.maxLongitude, c.longitude)
            }
            guard end - start > GeodesicKDTree.leafSize else { return ((low, high), bounds) }
            let index = nodes.count
            let unset = GeoBounds(minLatitude: 0, maxLatitude: 0, minLongitude: 0, maxLongitude: 0, allNumbers: false)
            nodes.append(Node(lowerBox: Box((low, high)), upperBox: Box((low, high)), start: 0, middle: 0, end: 0, upperNode: -1))
            halfBounds.append((unset, unset))
            let spans = [high.x - low.x, high.y - low.y, high.z - low.z]
            let axis = spans.firstIndex(of: spans.max()!)!
            let middle = (start + end) / 2
            select(&order, start, end, middle, axis)
            let lower = build(&order, start, middle)
            let upperNode = nodes.count
            let upper = build(&order, middle, end)
            nodes[index] = Node(lowerBox: Box(lower.box), upperBox: Box(upper.box), start: Int32(start), middle: Int32(middle), end: Int32(end),
                                upperNode: end - middle > GeodesicKDTree.leafSize ? Int32(upperNode) : -1)
            halfBounds[index] = (lower.bounds, upper.bounds)
            return ((low, high), bounds)
        }

        private func value(_ i: Int32, _ axis: Int) -> Double {
            let p = ecef[Int(i)]
            return axis == 0 ? p.x : axis == 1 ? p.y : p.z
        }

        /// Hoare-style quickselect: afterwards `order[nth]` holds the element of rank `nth` on `axis`,
        /// smaller-or-equal ones before it and greater-or-equal ones after it.
        private func select(_ order: inout [Int32], _ start: Int, _ end: Int, _ nth: Int, _ axis: Int) {
            var low = start, high = end - 1
            while low < high {
                let pivot = value(order[(low + high) / 2], axis)
                var i = low, j = high
                while i <= j {
                    while value(order[i], axis) < pivot { i += 1 }
                    while value(order[j], axis) > pivot { j -= 1 }
                    if i <= j {
                        order.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if nth <= j { high = j } else if nth >= i { low = i } else { return }
            }
        }
    }
}
