extension GeodesicKDTree {
    /// A range of points as the nearest search reads it: its box, and either the halves it splits into
    /// two levels of splits down (two to four of them, side by side in the array, so that one visit reads
    /// one block) or, for a leaf, nothing more. Taking two levels at a time halves the chain of reads, each
    /// waiting for the one before, from the whole set down to a leaf. 40 bytes.
    struct SearchHalf: Sendable {
        var box: Box
        var start, end: Int32
        /// Where this half's halves start in the array, and how many there are (0 for a leaf).
        var firstChild, childCount: Int32

        /// The halves of the tree whose splits are `nodes` (``Builder`` order) over `count` points: the
        /// whole set first, then each half's halves together, depth first.
        static func halves(of nodes: [Node], count: Int) -> [SearchHalf] {
            // The whole set's box is never read: the search starts there at distance 0.
            let whole = Box((min: Point(x: 0, y: 0, z: 0), max: Point(x: 0, y: 0, z: 0)))
            var halves = [SearchHalf(box: whole, start: 0, end: Int32(count), firstChild: 0, childCount: 0)]
            guard !nodes.isEmpty else { return halves }
            halves.reserveCapacity(2 * nodes.count + 1)
            split(0, at: 0, of: nodes, into: &halves)
            return halves
        }

        /// Appends the halves of `node`, two levels down, as the halves of `halves[index]`, and then theirs.
        private static func split(_ index: Int, at node: Int32, of nodes: [Node], into halves: inout [SearchHalf]) {
            var children: [(half: SearchHalf, node: Int32)] = []
            for (box, start, end, child) in Self.splitHalves(of: node, nodes) {
                if child < 0 {
                    children.append((SearchHalf(box: box, start: start, end: end, firstChild: 0, childCount: 0), -1))
                } else {
                    for (box, start, end, grandchild) in Self.splitHalves(of: child, nodes) {
                        children.append((SearchHalf(box: box, start: start, end: end, firstChild: 0, childCount: 0), grandchild))
                    }
                }
            }
            let first = halves.count
            halves[index].firstChild = Int32(first)
            halves[index].childCount = Int32(children.count)
            halves.append(contentsOf: children.map(\.half))
            for (offset, child) in children.enumerated() where child.node >= 0 {
                split(first + offset, at: child.node, of: nodes, into: &halves)
            }
        }

        /// The two halves of `node`: box, point range and node (-1 for a leaf).
        private static func splitHalves(of node: Int32, _ nodes: [Node]) -> [(Box, Int32, Int32, Int32)] {
            let split = nodes[Int(node)]
            return [(split.lowerBox, split.start, split.middle, split.lowerNode(at: node)), (split.upperBox, split.middle, split.end, split.upperNode)]
        }
    }
}
