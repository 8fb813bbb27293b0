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
    struct Node: Sendable {
        var minX, minY, minZ, maxX, maxY, maxZ: Double
        var start, end: Int32
        /// Index of the left child; the right child follows its subtree. -1 marks a leaf.
        var left, right: Int32
    }

    /// The latitude and longitude bounds of a node's points, for box queries; kept apart from ``Node`` so
    /// that nearest searches read no more memory than before.
    struct GeoBounds: Sendable {
        var minLatitude, maxLatitude, minLongitude, maxLongitude: Double
        /// False when some point of the node has a coordinate that is not a number (left out of the bounds;
        /// no box contains it): the node is then never taken whole.
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

    static let leafSize = 16

    public let count: Int
    private let xs: [Double], ys: [Double], zs: [Double]
    private let prepared: [Geodesic.PreparedPoint]
    private let originalIndex: [Int32]
    private let nodes: [Node]
    private let geoBounds: [GeoBounds]

    public init(_ points: [Coordinate]) {
        count = points.count
        var order = Array(0..<Int32(points.count))
        let ecef = points.map(Geodesic.earthCenteredPoint)
        var builder = Builder(ecef: ecef, coordinates: points)
        if !points.isEmpty { _ = builder.build(&order, 0, points.count) }
        nodes = builder.nodes
        geoBounds = builder.geoBounds
        originalIndex = order
        xs = order.map { ecef[Int($0)].x }
        ys = order.map { ecef[Int($0)].y }
        zs = order.map { ecef[Int($0)].z }
        prepared = order.map { Geodesic.PreparedPoint(points[Int($0)]) }
    }

    /// The `k` nearest points to `origin` within `maxDistance` metres that `accept` lets through, nearest
    /// first, ties by index.
    public func nearest(
        to origin: Coordinate, k: Int, maxDistance: Double = .infinity, accept: ((Int) -> Bool)? = nil
    ) -> [Neighbor] {
        guard k > 0, !nodes.isEmpty else { return [] }
        let q = Geodesic.earthCenteredPoint(origin)
        var list = NeighborList(capacity: k, limit: maxDistance)
        nodes.withUnsafeBufferPointer { nodes in
            xs.withUnsafeBufferPointer { xs in
                ys.withUnsafeBufferPointer { ys in
                    zs.withUnsafeBufferPointer { zs in
                        // Depth-first with the nearer child first; the tree is balanced, so 128 slots
                        // outlast any depth a 2^60-point tree could reach.
                        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 128) { stack in
                            stack[0] = 0
                            var top = 1
                            while top > 0 {
                                top -= 1
                                let node = nodes[Int(stack[top])]
                                if Self.boxDistanceSquared(node, q) > list.boundSquared { continue }
                                if node.left < 0 {
                                    for i in Int(node.start)..<Int(node.end) {
                                        let dx = xs[i] - q.x, dy = ys[i] - q.y, dz = zs[i] - q.z
                                        let chordSquared = dx * dx + dy * dy + dz * dz
                                        if chordSquared > list.boundSquared { continue }
                                        if let accept, !accept(Int(originalIndex[i])) { continue }
                                        list.insert(i, chordSquared: chordSquared)
                                    }
                                    continue
                                }
                                let nearLeft = Self.boxDistanceSquared(nodes[Int(node.left)], q)
                                    <= Self.boxDistanceSquared(nodes[Int(node.right)], q)
                                stack[top] = nearLeft ? node.right : node.left
                                stack[top + 1] = nearLeft ? node.left : node.right
                                top += 2
                            }
                        }
                    }
                }
            }
        }
        let preparedOrigin = Geodesic.PreparedPoint(origin)
        var neighbors: [Neighbor] = []
        neighbors.reserveCapacity(list.candidates.count)
        for candidate in list.candidates {
            let distance = Geodesic.distance(preparedOrigin, prepared[candidate.index])
            guard distance <= maxDistance else { continue }
            // Insertion into the sorted list: candidates are k plus rare near-ties.
            let neighbor = Neighbor(index: Int(originalIndex[candidate.index]), distance: distance)
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

    /// Calls `body` with the index (in the array the tree was built from) of every point inside `box`
    /// (``BoundingBox/contains(_:)``), in no particular order. Only subtrees whose latitude/longitude
    /// bounds meet the box are visited, and those wholly inside it are listed without testing each point.
    public func forEachIndex(in box: BoundingBox, _ body: (Int) -> Void) {
        // A box with a bound that is not a number, or with its minimum above its maximum, holds nothing.
        guard !nodes.isEmpty, box.minLatitude <= box.maxLatitude, box.minLongitude <= box.maxLongitude else { return }
        geoBounds.withUnsafeBufferPointer { bounds in
            nodes.withUnsafeBufferPointer { nodes in
                prepared.withUnsafeBufferPointer { prepared in
                    // Depth-first; at most one pending sibling per level, so 128 slots are plenty.
                    withUnsafeTemporaryAllocation(of: Int32.self, capacity: 128) { stack in
                        stack[0] = 0
                        var top = 1
                        while top > 0 {
                            top -= 1
                            let index = Int(stack[top])
                            let b = bounds[index]
                            if b.maxLatitude < box.minLatitude || b.minLatitude > box.maxLatitude
                                || b.maxLongitude < box.minLongitude || b.minLongitude > box.maxLongitude {
                                continue
                            }
                            let node = nodes[index]
                            if b.allNumbers && b.minLatitude >= box.minLatitude && b.maxLatitude <= box.maxLatitude
                                && b.minLongitude >= box.minLongitude && b.maxLongitude <= box.maxLongitude {
                                for i in Int(node.start)..<Int(node.end) { body(Int(originalIndex[i])) }
                                continue
                            }
                            if node.left < 0 {
                                for i in Int(node.start)..<Int(node.end) where box.contains(prepared[i].coordinate) {
                                    body(Int(originalIndex[i]))
                                }
                                continue
                            }
                            stack[top] = node.right
                            stack[top + 1] = node.left
                            top += 2
                        }
                    }
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
    private static func boxDistanceSquared(_ node: Node, _ q: (x: Double, y: Double, z: Double)) -> Double {
        let dx = max(node.minX - q.x, 0, q.x - node.maxX)
        let dy = max(node.minY - q.y, 0, q.y - node.maxY)
        let dz = max(node.minZ - q.z, 0, q.z - node.maxZ)
        return dx * dx + dy * dy + dz * dz
    }
}

extension GeodesicKDTree {
    /// Builds the node array by splitting on the widest axis at the median (quickselect).
    fileprivate struct Builder {
        let ecef: [(x: Double, y: Double, z: Double)]
        let coordinates: [Coordinate]
        var nodes: [Node] = []
        var geoBounds: [GeoBounds] = []

        mutating func build(_ order: inout [Int32], _ start: Int, _ end: Int) -> Int32 {
            var node = Node(minX: .infinity, minY: .infinity, minZ: .infinity,
                            maxX: -.infinity, maxY: -.infinity, maxZ: -.infinity,
                            start: Int32(start), end: Int32(end), left: -1, right: -1)
            for i in start..<end {
                let p = ecef[Int(order[i])]
                node.minX = min(node.minX, p.x); node.maxX = max(node.maxX, p.x)
                node.minY = min(node.minY, p.y); node.maxY = max(node.maxY, p.y)
                node.minZ = min(node.minZ, p.z); node.maxZ = max(node.maxZ, p.z)
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
            let index = Int32(nodes.count)
            nodes.append(node)
            geoBounds.append(bounds)
            guard end - start > GeodesicKDTree.leafSize else { return index }
            let spans = [node.maxX - node.minX, node.maxY - node.minY, node.maxZ - node.minZ]
            let axis = spans.firstIndex(of: spans.max()!)!
            let middle = (start + end) / 2
            select(&order, start, end, middle, axis)
            let left = build(&order, start, middle)
            let right = build(&order, middle, end)
            nodes[Int(index)].left = left
            nodes[Int(index)].right = right
            return index
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
