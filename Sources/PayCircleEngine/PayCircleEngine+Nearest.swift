import PayCircleCore
import PayCircleNetwork

extension PayCircleEngine {
    /// The nearest points in the request's ranking: straight-line distance, walking time, or walking time
    /// plus the expected wait (`by=time`, behind the hall's queue and the remote tickets still waiting).
    public func nearest(_ request: NearestRequest) throws(EngineError) -> NearestAnswer {
        try nearest(request, in: registry.index)
    }

    /// The same in one snapshot of the points, for callers that read other things of that snapshot (its
    /// version, say) and want them to agree with the answer.
    public func nearest(_ request: NearestRequest, in index: PointIndex) throws(EngineError) -> NearestAnswer {
        switch request.ranking {
        case .distance:
            return index.nearestAnswer(request.query)
        case .walk, .time:
            guard let graph else {
                throw EngineError(.invalid, code: "no_network", "by=\(request.ranking.rawValue) needs a walking network, and none is loaded", field: "by")
            }
            do {
                if request.ranking == .walk { return NearestAnswer(try graph.nearestByWalking(request.query, in: index)) }
                return NearestAnswer(try graph.nearestByTimeToPay(request.query, in: index) { point, walk in
                    waits.estimate(for: point, report: queues.queue(for: point.id), at: request.query.evaluatedAt,
                                   walkSeconds: walk, service: request.queueService)
                })
            } catch {
                throw .network(error)
            }
        }
    }
}
