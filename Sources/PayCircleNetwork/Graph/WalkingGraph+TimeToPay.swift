import Foundation
import PayCircleCore

extension WalkingGraph {
    /// The `query.k` channels where a bill is paid soonest: walking time plus the expected wait on
    /// arrival that `wait` gives for each (a point and the walk to it). Results carry walk, wait and total.
    ///
    /// Waits are never negative, so a channel's walk is a lower bound of its total: candidates come from
    /// ``nearestByWalking(_:in:)``, and the answer is exact once the k-th best total is no more than the
    /// walk of the last candidate (every channel not priced walks at least that long); otherwise the
    /// candidate set grows fourfold. Channels that cannot be reached, or whose every counter is closed,
    /// follow the others.
    ///
    /// ```swift
    /// let fastest = try graph.nearestByTimeToPay(query, in: index) { point, walk in
    ///     model.estimate(for: point, report: board.report(for: point.id), at: now, walkSeconds: walk)
    /// }
    /// ```
    public func nearestByTimeToPay(_ query: NearestQuery, in index: PointIndex,
                                   wait: (PaymentPoint, Double) -> WaitEstimate) throws(NetworkError) -> [NearestMatch] {
        let k = min(max(query.k, NearestQuery.kRange.lowerBound), NearestQuery.kRange.upperBound)
        var candidateCount = max(4 * k, 32)
        while true {
            var widened = query
            widened.k = min(candidateCount, max(index.count, 1))
            let candidates = try nearestByWalking(widened, in: index)
            var priced: [NearestMatch] = [], unpriced: [NearestMatch] = []
            for var match in candidates {
                guard let walk = match.walkSeconds else { unpriced.append(match); continue }
                match.wait = wait(match.point, walk)
                if match.totalSeconds != nil { priced.append(match) } else { unpriced.append(match) }
            }
            priced.sort { ($0.totalSeconds!, $0.point.id) < ($1.totalSeconds!, $1.point.id) }
            let exhausted = candidates.count < widened.k || widened.k >= index.count
            let slowestWalk = candidates.compactMap(\.walkSeconds).max() ?? 0
            if exhausted || (priced.count >= k && priced[k - 1].totalSeconds! <= slowestWalk) {
                return Array((priced + unpriced).prefix(k))
            }
            candidateCount *= 4
        }
    }
}
