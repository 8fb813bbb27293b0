import Foundation
import PayCircleCore
import PayCircleSimulation

/// A deterministic street grid for scale benchmarks: `side × side` nodes about 60 m apart with some
/// jitter, 90% of the grid's links present, 3% of them steps, streets named by row and column.
enum SyntheticNetwork {
    static func grid(nodes: Int, seed: UInt64, south: Double = 22.8, west: Double = 113.6) -> WalkingNetworkData {
        var random = SeededGenerator(seed: seed)
        let side = Int(Double(nodes).squareRoot().rounded())
        let latitudeStep = 60.0 / 110_700, longitudeStep = 60.0 / (111_320 * cos(south * .pi / 180))
        var network = WalkingNetworkData()
        network.nodes.reserveCapacity(side * side)
        for row in 0..<side {
            for column in 0..<side {
                let jitterLat = Double.random(in: -0.2...0.2, using: &random) * latitudeStep
                let jitterLon = Double.random(in: -0.2...0.2, using: &random) * longitudeStep
                network.nodes.append(.init(osmID: Int64(row * side + column + 1), coordinate: Coordinate(
                    latitude: south + Double(row) * latitudeStep + jitterLat, longitude: west + Double(column) * longitudeStep + jitterLon)))
            }
        }
        func link(_ a: Int, _ b: Int, name: String) {
            guard Double.random(in: 0..<1, using: &random) < 0.9 else { return }
            let highway = Double.random(in: 0..<1, using: &random) < 0.03 ? "steps" : "residential"
            network.edges.append(.init(source: Int32(a), target: Int32(b),
                                       length: Geodesic.distance(network.nodes[a].coordinate, network.nodes[b].coordinate),
                                       highway: highway, name: name))
        }
        for row in 0..<side {
            for column in 0..<side {
                let node = row * side + column
                if column + 1 < side { link(node, node + 1, name: "Row \(row) Road") }
                if row + 1 < side { link(node, node + side, name: "Column \(column) Street") }
            }
        }
        return network
    }
}
