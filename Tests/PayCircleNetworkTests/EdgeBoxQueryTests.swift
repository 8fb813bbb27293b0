import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCircleTestSupport
import Testing
import PayCircleSimulation

/// `WalkingGraph.edges(in:)` (the grid behind the streets layer) against the rule applied to every edge:
/// an edge is in a box when one of its end nodes is.
@Suite struct EdgeBoxQueryTests {
    static func bruteForce(_ graph: WalkingGraph, _ box: BoundingBox) -> [Int32] {
        (0..<Int32(graph.edgeCount)).filter { index in
            let edge = graph.edge(index)
            return box.contains(graph.coordinate(ofNode: edge.source)) || box.contains(graph.coordinate(ofNode: edge.target))
        }
    }

    /// Boxes of every sort over a network whose nodes span `extent`.
    static func randomBox(_ extent: BoundingBox, nodes: [Coordinate], using random: inout SeededGenerator) -> BoundingBox {
        let width = extent.maxLongitude - extent.minLongitude, height = extent.maxLatitude - extent.minLatitude
        switch Int.random(in: 0..<7, using: &random) {
        case 0:
            return BoundingBox(minLongitude: -180, minLatitude: -90, maxLongitude: 180, maxLatitude: 90)
        case 1:
            // Exactly one node's position: the box's edges belong to it.
            let c = nodes.randomElement(using: &random)!
            return BoundingBox(minLongitude: c.longitude, minLatitude: c.latitude, maxLongitude: c.longitude, maxLatitude: c.latitude)
        case 2:
            // A node's position as a corner of a street-sized box.
            let c = nodes.randomElement(using: &random)!
            return BoundingBox(minLongitude: c.longitude - 0.002, minLatitude: c.latitude, maxLongitude: c.longitude, maxLatitude: c.latitude + 0.001)
        case 3:
            // Off the network: beside it, or far away.
            let east = extent.maxLongitude + .random(in: 0.0001...0.5, using: &random)
            return BoundingBox(minLongitude: east, minLatitude: extent.minLatitude, maxLongitude: east + 0.01, maxLatitude: extent.maxLatitude)
        case 4:
            // Overlapping the extent's border.
            let lon = extent.minLongitude + .random(in: -0.3...0.3, using: &random) * width
            let lat = extent.minLatitude + .random(in: -0.3...0.3, using: &random) * height
            return BoundingBox(minLongitude: lon - 0.3 * width, minLatitude: lat - 0.3 * height, maxLongitude: lon + 0.4 * width, maxLatitude: lat + 0.4 * height)
        case 5:
            // A tiny box, metres wide, somewhere on the network.
            let c = nodes.randomElement(using: &random)!
            let size = Double.random(in: 0.000001...0.0003, using: &random)
            let dLon = Double.random(in: -size...size, using: &random), dLat = Double.random(in: -size...size, using: &random)
            return BoundingBox(minLongitude: c.longitude + dLon - size, minLatitude: c.latitude + dLat - size,
                               maxLongitude: c.longitude + dLon + size, maxLatitude: c.latitude + dLat + size)
        default:
            // Any box inside the extent, from a street to all of it.
            let lon = [Double.random(in: 0...1, using: &random), Double.random(in: 0...1, using: &random)].sorted()
            let lat = [Double.random(in: 0...1, using: &random), Double.random(in: 0...1, using: &random)].sorted()
            return BoundingBox(minLongitude: extent.minLongitude + lon[0] * width, minLatitude: extent.minLatitude + lat[0] * height,
                               maxLongitude: extent.minLongitude + lon[1] * width, maxLatitude: extent.minLatitude + lat[1] * height)
        }
    }

    static func extent(_ nodes: [Coordinate]) -> BoundingBox {
        BoundingBox(minLongitude: nodes.map(\.longitude).min()!, minLatitude: nodes.map(\.latitude).min()!,
                    maxLongitude: nodes.map(\.longitude).max()!, maxLatitude: nodes.map(\.latitude).max()!)
    }

    @Test(arguments: ["osm/monaco.osm.pbf", "osm/andorra.osm.pbf"])
    func equalsTheRuleOverEveryEdgeOnARealExtract(file: String) throws {
        let (graph, network) = try RouteReferenceTests.graph(Reference.geodata(file))
        #expect(graph.edgeCount > 1_000)
        let nodes = network.nodes.map(\.coordinate)
        let extent = Self.extent(nodes)
        // The rule over every edge, with the ends' positions read once (from the graph itself).
        let ends = (0..<Int32(graph.edgeCount)).map { index in
            let edge = graph.edge(index)
            return (graph.coordinate(ofNode: edge.source), graph.coordinate(ofNode: edge.target))
        }
        var random = SeededGenerator(seed: 1_313)
        var nonEmpty = 0, mismatches: [String] = []
        for _ in 0..<1_000 {
            let box = Self.randomBox(extent, nodes: nodes, using: &random)
            let found = graph.edges(in: box)
            let expected = ends.indices.filter { box.contains(ends[$0].0) || box.contains(ends[$0].1) }.map { Int32($0) }
            if found != expected { mismatches.append("\(box): \(found.count) found, \(expected.count) expected") }
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(nonEmpty > 400)
        #expect(graph.edges(in: BoundingBox(minLongitude: -180, minLatitude: -90, maxLongitude: 180, maxLatitude: 90)).count == graph.edgeCount)
    }

    @Test func firstUseFromManyTasksAtOnce() async throws {
        let (graph, network) = try RouteReferenceTests.graph(Reference.geodata("osm/monaco.osm.pbf"))
        let extent = Self.extent(network.nodes.map(\.coordinate))
        let answers = await withTaskGroup(of: [Int32].self, returning: [[Int32]].self) { group in
            for _ in 0..<8 { group.addTask { graph.edges(in: extent) } }
            var all: [[Int32]] = []
            for await answer in group { all.append(answer) }
            return all
        }
        #expect(answers.count == 8)
        #expect(answers.allSatisfy { $0 == answers[0] } && answers[0].count == graph.edgeCount)
    }

    @Test func smallAndDegenerateNetworks() {
        let here = Coordinate(latitude: 43.73, longitude: 7.42)
        // Every node on one spot, on one line of latitude, and an empty network.
        let stacked = WalkingNetworkData(
            nodes: (0..<4).map { WalkingNetworkData.Node(osmID: Int64($0), coordinate: here) },
            edges: [.init(source: 0, target: 1, length: 0, highway: "footway"), .init(source: 2, target: 3, length: 0, highway: "footway")])
        let graph = WalkingGraph(stacked)
        let onSpot = BoundingBox(minLongitude: 7.42, minLatitude: 43.73, maxLongitude: 7.42, maxLatitude: 43.73)
        #expect(graph.edges(in: onSpot) == [0, 1])
        #expect(graph.edges(in: BoundingBox(minLongitude: 7.43, minLatitude: 43.73, maxLongitude: 7.44, maxLatitude: 43.74)).isEmpty)

        let line = WalkingNetworkData(
            nodes: (0..<50).map { WalkingNetworkData.Node(osmID: Int64($0), coordinate: Coordinate(latitude: 43.73, longitude: 7.40 + Double($0) * 0.001)) },
            edges: (0..<49).map { WalkingNetworkData.Edge(source: Int32($0), target: Int32($0 + 1), length: 80, highway: "footway") })
        let lineGraph = WalkingGraph(line)
        var random = SeededGenerator(seed: 5)
        for _ in 0..<300 {
            let a = Double.random(in: 7.39...7.46, using: &random), b = Double.random(in: 7.39...7.46, using: &random)
            let box = BoundingBox(minLongitude: min(a, b), minLatitude: 43.73, maxLongitude: max(a, b), maxLatitude: 43.73)
            #expect(lineGraph.edges(in: box) == Self.bruteForce(lineGraph, box), "\(box)")
        }
        // An inverted box holds nothing.
        #expect(lineGraph.edges(in: BoundingBox(minLongitude: 7.45, minLatitude: 43.73, maxLongitude: 7.41, maxLatitude: 43.73)).isEmpty)

        let empty = WalkingGraph(WalkingNetworkData(nodes: [], edges: []))
        #expect(empty.edges(in: BoundingBox(minLongitude: -180, minLatitude: -90, maxLongitude: 180, maxLatitude: 90)).isEmpty)
    }
}
