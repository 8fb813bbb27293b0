import Foundation
import PayCircleCore

extension WalkingGraph {
    /// The quickest walk between two places, each snapped onto the network first.
    public func route(from origin: Coordinate, to destination: Coordinate) throws(NetworkError) -> WalkingRoute {
        let start = try snap(origin, field: "from")
        let end = try snap(destination, field: "to")
        return try route(from: start, to: end)
    }

    public func route(from start: NetworkLocation, to end: NetworkLocation) throws(NetworkError) -> WalkingRoute {
        let endEdge = edges[Int(end.edge)]
        // An A* search toward the destination, which stops once nothing cheaper than the best way found to
        // it can follow: when its edge's ends are both settled, or when a settled time plus the bound on
        // what is left passes the best price so far.
        let goal = bound.goal(between: endEdge.source, and: endEdge.target, at: end.fraction)
        var sourceSettled = false, targetSettled = endEdge.isOneway
        let endSeconds = edgeSeconds[Int(end.edge)]
        var bestPrice = Double.infinity
        if start.edge == end.edge, end.fraction >= start.fraction || !endEdge.isOneway {
            bestPrice = abs(end.fraction - start.fraction) * endSeconds
        }
        let found: [RouteLeg]? = withShortestPaths(from: start, toward: goal, keepsMetres: false, isDone: { node, settled in
            if node == endEdge.source {
                sourceSettled = true
                bestPrice = min(bestPrice, settled + end.fraction * endSeconds)
            }
            if node == endEdge.target, !endEdge.isOneway {
                targetSettled = true
                bestPrice = min(bestPrice, settled + (1 - end.fraction) * endSeconds)
            }
            return (sourceSettled && targetSettled) || settled + bound.seconds(from: Int(node), to: goal) >= bestPrice
        }) { tree in
            guard let best = tree.best(to: end, in: self) else { return nil }
            switch best.via {
            case .direct:
                return [RouteLeg(edge: end.edge, from: start.fraction, to: end.fraction)]
            case .source, .target:
                let node = best.via == .source ? endEdge.source : endEdge.target
                return path(to: node, in: tree) + [RouteLeg(edge: end.edge, from: best.via == .source ? 0 : 1, to: end.fraction)]
            }
        }
        guard var legs = found else {
            throw NetworkError(reason: .unreachable, message: "the destination cannot be reached on foot from the start", field: "to")
        }
        legs.removeAll { $0.from == $0.to }
        return assemble(legs, start: start, end: end)
    }

    /// The legs from the tree's origin to `node`: the partial first edge, then whole edges.
    private func path(to node: Int32, in tree: ShortestPathTree) -> [RouteLeg] {
        var reversed: [RouteLeg] = []
        var current = node
        while tree.arcIn(current) != ShortestPathTree.seedArc {
            let arc = tree.arcIn(current)
            let edge = arcEdge[Int(arc)], ends = edges[Int(edge)]
            // The arc was walked from the edge's other end (a loop's ends are one node).
            let tail = ends.source == current ? ends.target : ends.source
            let forward = ends.target == current && tail == ends.source
            reversed.append(RouteLeg(edge: edge, from: forward ? 0 : 1, to: forward ? 1 : 0))
            current = tail
        }
        let originEdge = edges[Int(tree.origin.edge)]
        reversed.append(RouteLeg(edge: tree.origin.edge, from: tree.origin.fraction, to: current == originEdge.target ? 1 : 0))
        return reversed.reversed()
    }

    /// The position `fraction` of the way from edge `edge`'s source to its target.
    public func point(on edge: Int32, at fraction: Double) -> Coordinate {
        let e = edges[Int(edge)]
        let a = coordinates[Int(e.source)], b = coordinates[Int(e.target)]
        if fraction == 0 { return a }
        if fraction == 1 { return b }
        return Coordinate(latitude: a.latitude + (b.latitude - a.latitude) * fraction,
                          longitude: a.longitude + (b.longitude - a.longitude) * fraction)
    }

    private func assemble(_ legs: [RouteLeg], start: NetworkLocation, end: NetworkLocation) -> WalkingRoute {
        var geometry = [start.coordinate]
        var distance = 0.0, duration = 0.0
        for leg in legs {
            distance += abs(leg.to - leg.from) * edges[Int(leg.edge)].length
            duration += abs(leg.to - leg.from) * edgeSeconds[Int(leg.edge)]
            let next = point(on: leg.edge, at: leg.to)
            if geometry.last != next { geometry.append(next) }
        }
        if geometry.count == 1 { geometry.append(end.coordinate) }
        return WalkingRoute(distance: distance, duration: duration, geometry: geometry,
                            steps: RouteInstructions(graph: self).steps(for: legs), start: start, end: end)
    }
}
