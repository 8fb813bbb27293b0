import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCircleTestSupport
import Testing
import PayCircleSimulation

/// Routes on real OSM extracts against networkx shortest paths over the same ways.
@Suite struct RouteReferenceTests {
    private struct ReferencePath: Decodable {
        let seconds: Double
        let metres: Double
    }

    static func graph(_ file: URL) throws -> (WalkingGraph, WalkingNetworkData) {
        var network = WalkingNetworkExtractor()
        var positions = NodePositions()
        try OSMFileReader(url: file).read(node: { positions.add($0.id, $0.coordinate) }, way: { network.add($0, positions: positions) })
        return (WalkingGraph(network.network), network.network)
    }

    @Test(arguments: ["osm/monaco.osm.pbf", "osm/porto.osm.pbf", "osm/beijing-haidian.osm"])
    func routesEqualNetworkxWithinHalfAPercent(file: String) throws {
        let url = Reference.geodata(file)
        let (graph, network) = try Self.graph(url)
        var random = SeededGenerator(seed: 2026)
        let mainNodes = graph.mainComponentNodes
        #expect(mainNodes.count > 500)
        let pairs = (0..<200).map { _ in (mainNodes.randomElement(using: &random)!, mainNodes.randomElement(using: &random)!) }
        let input = try JSONEncoder().encode(pairs.map { [network.nodes[Int($0.0)].osmID, network.nodes[Int($0.1)].osmID] })
        let expected = try JSONDecoder().decode([ReferencePath?].self, from: Reference.python("walk_network.py", arguments: [url.path], input: input))
        var compared = 0
        for ((from, to), reference) in zip(pairs, expected) {
            let reference = try #require(reference, "networkx found no path in the main component")
            let route = try graph.route(from: network.nodes[Int(from)].coordinate, to: network.nodes[Int(to)].coordinate)
            #expect(abs(route.duration - reference.seconds) <= 0.005 * reference.seconds + 0.01, "\(from)→\(to)")
            #expect(abs(route.distance - reference.metres) <= 0.005 * reference.metres + 0.01, "\(from)→\(to)")
            // The geometry is one continuous line whose length is the reported distance.
            let geometryLength = zip(route.geometry, route.geometry.dropFirst()).reduce(0) { $0 + Geodesic.distance($1.0, $1.1) }
            #expect(abs(geometryLength - route.distance) <= 0.005 * route.distance + 0.01)
            #expect(route.geometry.first == route.start.coordinate && route.geometry.last == route.end.coordinate)
            #expect(abs(route.steps.reduce(0) { $0 + $1.distance } - route.distance) < 0.01)
            compared += 1
        }
        #expect(compared == 200)
    }

    /// Routes are found by A* toward the destination; their times must equal, to rounding, those of an
    /// exhaustive search of another kind (the label-correcting search from the destination over incoming
    /// arcs that coverage uses), between places anywhere on the network, mid-edge included.
    @Test(arguments: ["osm/monaco.osm.pbf", "osm/porto.osm.pbf", "osm/andorra.osm.pbf"])
    func goalDirectedRoutesTakeTheTimesOfAnExhaustiveSearch(file: String) throws {
        let (graph, network) = try Self.graph(Reference.geodata(file))
        var random = SeededGenerator(seed: 17)
        let mainNodes = graph.mainComponentNodes
        func place() -> Coordinate {
            // A little way from a node toward another, so that places fall mid-edge and off the network.
            let a = network.nodes[Int(mainNodes.randomElement(using: &random)!)].coordinate
            let b = network.nodes[Int(mainNodes.randomElement(using: &random)!)].coordinate
            let share = Double(random.next() % 1_000) / 100_000
            return Coordinate(latitude: a.latitude + (b.latitude - a.latitude) * share, longitude: a.longitude + (b.longitude - a.longitude) * share)
        }
        var compared = 0
        for _ in 0..<300 {
            let (from, to) = (place(), place())
            let route = try graph.route(from: from, to: to)
            let exhaustive = graph.withWalkingTimes(to: [(route.end, 0)]) { $0.seconds(onEdge: route.start.edge, at: route.start.fraction) }
            #expect(abs(route.duration - exhaustive) <= 1e-9 * exhaustive + 1e-6, "\(from) → \(to): \(route.duration) s against \(exhaustive) s")
            compared += 1
        }
        #expect(compared == 300)
    }
}

/// Walking-time nearest, with its candidate set and early stop, against pricing every channel by its own
/// route.
@Suite struct WalkingNearestReferenceTests {
    @Test func equalsRoutingToEveryChannelOnMonaco() throws {
        let url = Reference.geodata("osm/monaco.osm.pbf")
        let mapping = try ChannelMapping(contentsOf: OSMImportTests.mappingURL)
        let read = try OSMImporter(mapping: mapping).extract(from: url)
        let (points, extracted) = (read.points, read.network)
        let graph = WalkingGraph(extracted.network)
        let index = PointIndex(points.points)
        var random = SeededGenerator(seed: 11)
        let nodes = graph.mainComponentNodes
        let speed = graph.profile.metresPerSecond
        for _ in 0..<30 {
            let place = extracted.network.nodes[Int(nodes.randomElement(using: &random)!)].coordinate
            let found = try graph.nearestByWalking(NearestQuery(location: place, k: 5), in: index)
            var priced: [(id: String, seconds: Double)] = []
            for point in points.points {
                guard let end = try? graph.snap(point.location), let route = try? graph.route(from: graph.snap(place), to: end) else { continue }
                priced.append((point.id, route.duration + (route.start.snapDistance + end.snapDistance) / speed))
            }
            priced.sort { ($0.seconds, $0.id) < ($1.seconds, $1.id) }
            #expect(found.map(\.point.id) == priced.prefix(5).map(\.id))
            for (match, expected) in zip(found, priced) {
                #expect(abs(match.walkSeconds! - expected.seconds) < 0.01)
            }
        }
    }
}

/// Isochrone polygons on real data, checked by shapely (validity) and pyproj (geodesic area).
@Suite struct IsochroneReferenceTests {
    private struct Check: Decodable {
        let valid: Bool
        let reason: String
        let area_m2: Double
        let rings: Int
    }

    @Test(arguments: ["osm/monaco.osm.pbf", "osm/porto.osm.pbf"])
    func polygonsAreValidAndTheirAreaIsReported(file: String) throws {
        let (graph, network) = try RouteReferenceTests.graph(Reference.geodata(file))
        var random = SeededGenerator(seed: 77)
        let nodes = graph.mainComponentNodes
        let isochrones = try (0..<12).map { index in
            try graph.isochrone(from: network.nodes[Int(nodes.randomElement(using: &random)!)].coordinate, seconds: Double(2 + index) * 60)
        }
        let input = Data(("[" + isochrones.map(\.geoJSON).joined(separator: ",") + "]").utf8)
        let checks = try JSONDecoder().decode([Check].self, from: Reference.python("polygon_check.py", input: input))
        for (isochrone, check) in zip(isochrones, checks) {
            #expect(check.valid, "\(check.reason)")
            #expect(abs(check.area_m2 - isochrone.area) < 0.005 * isochrone.area, "\(check.area_m2) vs \(isochrone.area)")
        }
        #expect(checks.contains { $0.rings > 1 }, "city blocks leave holes")
    }
}

/// Walking time from every node to the nearest of many channels (the coverage pass) against networkx's
/// multi-source Dijkstra over the same ways, reversed.
@Suite struct MultiSourceReferenceTests {
    @Test(arguments: ["osm/monaco.osm.pbf", "osm/porto.osm.pbf"])
    func everyNodeTimeEqualsNetworkx(file: String) throws {
        let url = Reference.geodata(file)
        let (graph, network) = try RouteReferenceTests.graph(url)
        var random = SeededGenerator(seed: 404)
        let main = graph.mainComponentNodes
        let sources = (0..<25).map { _ in main.randomElement(using: &random)! }
        let seconds = graph.walkingSeconds(to: try sources.map { (try graph.snap(network.nodes[Int($0)].coordinate), 0) })
        let request = try JSONSerialization.data(withJSONObject: ["sources": sources.map { network.nodes[Int($0)].osmID }])
        let expected = try JSONDecoder().decode([String: Double].self, from: Reference.python("walk_network.py", arguments: [url.path], input: request))
        var compared = 0
        for node in main {
            let reference = try #require(expected[String(network.nodes[Int(node)].osmID)])
            #expect(abs(seconds[Int(node)] - reference) <= 0.005 * reference + 0.01, "node \(network.nodes[Int(node)].osmID)")
            compared += 1
        }
        #expect(compared == main.count && compared > 1_000)
    }
}
