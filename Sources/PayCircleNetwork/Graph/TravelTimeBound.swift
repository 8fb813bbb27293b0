import PayCircleCore

/// A lower bound on the walking seconds between any node and any place on the network, for goal-directed
/// search (A*): straight-line metres in one flat frame over the network, times the fewest seconds any edge
/// of this network takes per metre of that frame.
///
/// The bound is consistent by construction, whatever the profile or the way edge lengths were measured:
/// every edge takes at least `secondsPerMetre` times its straight length in the frame, and straight lines in
/// a plane obey the triangle inequality, so the bound never drops by more than an edge's time along the
/// edge. A* with it settles every node at its true quickest time, exactly as Dijkstra does.
struct TravelTimeBound: Sendable {
    /// Each node's place in the frame, in metres east and north.
    let x: [Double]
    let y: [Double]
    /// The smallest ratio of an edge's seconds to its straight length in the frame, a hair smaller still so
    /// that rounding cannot make the bound overtake a real time.
    let secondsPerMetre: Double

    init(coordinates: [Coordinate], edges: [WalkingNetworkData.Edge], edgeSeconds: [Double]) {
        var box = (minLatitude: Double.infinity, maxLatitude: -Double.infinity, minLongitude: Double.infinity, maxLongitude: -Double.infinity)
        for c in coordinates {
            box = (min(box.minLatitude, c.latitude), max(box.maxLatitude, c.latitude), min(box.minLongitude, c.longitude), max(box.maxLongitude, c.longitude))
        }
        let centre = coordinates.isEmpty ? Coordinate(latitude: 0, longitude: 0)
            : Coordinate(latitude: (box.minLatitude + box.maxLatitude) / 2, longitude: (box.minLongitude + box.maxLongitude) / 2)
        let plane = LocalPlane(origin: centre)
        let projected = coordinates.map(plane.project)
        let x = projected.map(\.x), y = projected.map(\.y)
        var ratio = Double.infinity
        for (index, edge) in edges.enumerated() {
            let dx = x[Int(edge.source)] - x[Int(edge.target)], dy = y[Int(edge.source)] - y[Int(edge.target)]
            let straight = (dx * dx + dy * dy).squareRoot()
            if straight > 0 { ratio = min(ratio, edgeSeconds[index] / straight) }
        }
        self.x = x
        self.y = y
        secondsPerMetre = ratio.isFinite ? ratio * (1 - 1e-9) : 0
    }

    /// The point `fraction` of the way along the straight edge from `source` to `target`, in the frame;
    /// the frame is affine in latitude and longitude, so this is where ``WalkingGraph/point(on:at:)`` lies.
    func goal(between source: Int32, and target: Int32, at fraction: Double) -> Goal {
        Goal(x: x[Int(source)] + (x[Int(target)] - x[Int(source)]) * fraction,
             y: y[Int(source)] + (y[Int(target)] - y[Int(source)]) * fraction)
    }

    /// At most the seconds it takes to walk from `node` to `goal`.
    @inline(__always)
    func seconds(from node: Int, to goal: Goal) -> Double {
        let dx = x[node] - goal.x, dy = y[node] - goal.y
        return (dx * dx + dy * dy).squareRoot() * secondsPerMetre
    }

    /// A place in the frame that a search heads for.
    struct Goal: Sendable {
        var x: Double
        var y: Double
    }
}
