import PayCircleCore

extension WalkingGraph {
    /// The `query.k` channels quickest to walk to, with walking metres and seconds (including the straight
    /// walks between each place and the network) beside the straight-line distance.
    ///
    /// Candidates come from the straight-line index, nearest first; one Dijkstra search from the query
    /// place prices them as the ends of their edges settle, and stops once the k-th best price is no more
    /// than the settled time (nothing unpriced can beat it). Since walking never beats the straight line, the answer is exact once the k-th
    /// walking time is within the straight-line time of the farthest candidate; otherwise the candidate
    /// set grows fourfold. Channels the network cannot reach are listed after the reachable ones, marked
    /// unreachable, rather than dropped.
    public func nearestByWalking(_ query: NearestQuery, in index: PointIndex) throws(NetworkError) -> [NearestMatch] {
        let origin = try snap(query.location, field: "lat")
        let k = min(max(query.k, NearestQuery.kRange.lowerBound), NearestQuery.kRange.upperBound)
        var candidateCount = max(4 * k, 32)
        while true {
            var widened = query
            widened.k = min(candidateCount, max(index.count, 1))
            let candidates = index.nearest(widened)
            let snapped = candidates.map { try? snap($0.point.location) }
            // Candidates by the nodes at the ends of their edges, to price them as those nodes settle.
            var atNode: [Int32: [Int]] = [:]
            var waiting = Set<Int32>()
            for (position, location) in snapped.enumerated() {
                guard let location else { continue }
                let edge = edges[Int(location.edge)]
                atNode[edge.source, default: []].append(position)
                waiting.insert(edge.source)
                if !edge.isOneway {
                    atNode[edge.target, default: []].append(position)
                    waiting.insert(edge.target)
                }
            }
            let speed = profile.metresPerSecond
            var bestTotal = [Double](repeating: .infinity, count: candidates.count)
            var kthBest = Double.infinity
            var reachable: [NearestMatch] = [], unreachable: [NearestMatch] = []
            withShortestPaths(from: origin, isDone: { node, settled in
                waiting.remove(node)
                if let positions = atNode[node] {
                    for position in positions {
                        let location = snapped[position]!, edge = edges[Int(location.edge)]
                        let along = (edge.source == node ? location.fraction : 1 - location.fraction) * edgeSeconds[Int(location.edge)]
                        bestTotal[position] = min(bestTotal[position], settled + along + (origin.snapDistance + location.snapDistance) / speed)
                    }
                    if bestTotal.count >= k { kthBest = bestTotal.sorted()[k - 1] }
                }
                // Every channel not yet priced is at least `settled` away on the network, plus the walk to it.
                return waiting.isEmpty || settled + origin.snapDistance / speed >= kthBest
            }) { tree in
                for (candidate, location) in zip(candidates, snapped) {
                    var match = candidate
                    if let location, let best = tree.best(to: location, in: self) {
                        let access = origin.snapDistance + location.snapDistance
                        match.walkDistance = best.metres + access
                        match.walkSeconds = best.seconds + access / profile.metresPerSecond
                        match.isReachable = true
                        reachable.append(match)
                    } else {
                        match.isReachable = false
                        unreachable.append(match)
                    }
                }
            }
            reachable.sort { ($0.walkSeconds!, $0.point.id) < ($1.walkSeconds!, $1.point.id) }
            let exhausted = candidates.count < widened.k || widened.k >= index.count
            let farthest = candidates.last?.distance ?? 0
            if exhausted || (reachable.count >= k && reachable[k - 1].walkSeconds! <= farthest / profile.metresPerSecond) {
                return Array((reachable + unreachable).prefix(k))
            }
            candidateCount *= 4
        }
    }
}
