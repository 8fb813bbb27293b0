import PayCircleCore

/// The area reachable on foot within a time from a place.
public struct Isochrone: Sendable {
    public var seconds: Double
    public var origin: NetworkLocation
    /// The reached pieces of the network, each a straight stretch of one edge.
    public var reachedSegments: [(from: Coordinate, to: Coordinate)]
    /// Metres of network reached, partial edges included.
    public var networkLength: Double
    /// GeoJSON (Multi)Polygon, WGS-84.
    public var geoJSON: String
    /// Square metres.
    public var area: Double
}

extension WalkingGraph {
    /// How far either side of a reached walkway counts as reached: a building entrance is rarely further.
    public static let isochroneBuffer = 30.0

    /// The area within `seconds` of walking from `place`: the reached edges, partial edges included,
    /// each widened by ``isochroneBuffer`` metres and merged into one (Multi)Polygon with holes where the
    /// network leaves them (see ``ReachRaster``).
    public func isochrone(from place: Coordinate, seconds: Double) throws(NetworkError) -> Isochrone {
        let origin = try snap(place, field: "lat")
        var lines: [(from: Coordinate, to: Coordinate)] = []
        var length = 0.0
        let originEdge = edges[Int(origin.edge)]
        let originReach = edgeSeconds[Int(origin.edge)] > 0 ? seconds / edgeSeconds[Int(origin.edge)] : 1
        let originPiece = (originEdge.isOneway ? origin.fraction : max(0, origin.fraction - originReach), min(1, origin.fraction + originReach))
        // Times from the origin outward by the bucket search: only the nodes' times are needed, not the
        // arcs a route would follow back.
        withBucketSearch(seeds: seeds(leaving: origin), limit: seconds, outgoing: true) { workspace in
            /// How far along `edge` one gets from its end `node`, when that end was reached in time.
            func reach(of edge: Int32, from node: Int32) -> Double? {
                let settled = workspace.seconds[Int(node)]
                guard settled < seconds else { return nil }
                let time = edgeSeconds[Int(edge)]
                return time > 0 ? min(1, (seconds - settled) / time) : 1
            }
            // The edges walked out of some reached node, with the origin's own: one bit each, read back
            // in index order.
            var reached = [UInt64](repeating: 0, count: (edgeCount + 63) / 64)
            func list(_ edge: Int32) { reached[Int(edge) >> 6] |= 1 << UInt64(Int(edge) & 63) }
            list(origin.edge)
            for node in workspace.touched where workspace.seconds[Int(node)] < seconds {
                for arc in Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1]) { list(arcEdge[arc]) }
            }
            lines.reserveCapacity(reached.reduce(0) { $0 + $1.nonzeroBitCount })
            for (index, word) in reached.enumerated() where word != 0 {
                var bits = word
                while bits != 0 {
                    let edge = Int32(index << 6 + bits.trailingZeroBitCount)
                    bits &= bits - 1
                    // The stretches walked in from each end (and around the origin), merged where they overlap
                    // or touch.
                    let ends = edges[Int(edge)]
                    withUnsafeTemporaryAllocation(of: (start: Double, end: Double).self, capacity: 3) { pieces in
                        var count = 0
                        if let forward = reach(of: edge, from: ends.source) { pieces[count] = (0, forward); count += 1 }
                        if !ends.isOneway, ends.target != ends.source, let backward = reach(of: edge, from: ends.target) { pieces[count] = (1 - backward, 1); count += 1 }
                        if edge == origin.edge { pieces[count] = originPiece; count += 1 }
                        // At most three, sorted by start by insertion, then merged in place.
                        for i in 1..<max(1, count) {
                            var j = i
                            while j > 0, pieces[j].start < pieces[j - 1].start { pieces.swapAt(j, j - 1); j -= 1 }
                        }
                        var merged = 0
                        for i in 0..<count {
                            if merged > 0, pieces[i].start <= pieces[merged - 1].end {
                                pieces[merged - 1].end = max(pieces[merged - 1].end, pieces[i].end)
                            } else {
                                pieces[merged] = pieces[i]
                                merged += 1
                            }
                        }
                        for (start, end) in pieces.prefix(merged) where end > start {
                            length += (end - start) * ends.length
                            lines.append((point(on: edge, at: start), point(on: edge, at: end)))
                        }
                    }
                }
            }
        }
        let raster = ReachRaster(segments: lines.map { ($0.from, $0.to) }, radius: Self.isochroneBuffer)
        return Isochrone(seconds: seconds, origin: origin, reachedSegments: lines, networkLength: length, geoJSON: raster.geoJSON(), area: raster.area)
    }
}
