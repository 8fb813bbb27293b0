import Foundation
import PayCircleCore
import PayCircleNetwork
@testable import PayCirclePlanning
import PayCircleTestSupport
import Testing

/// Coverage of real cities with their OSM payment POIs as channels and people estimated from their
/// residential buildings: every node's walking time equals networkx's (a super-source joined to where
/// each channel meets the network), and the covered population counted from networkx's times equals ours.
@Suite struct RealCityCoverageTests {
    static let mapping = Reference.repositoryRoot.appendingPathComponent("GeoData/channels.json")

    @Test(arguments: ["osm/monaco.osm.pbf", "osm/porto.osm.pbf"])
    func nodeTimesAndCoveredPeopleEqualNetworkx(file: String) throws {
        let url = Reference.geodata(file)
        let read = try OSMImporter(mapping: try ChannelMapping(contentsOf: Self.mapping)).extract(from: url)
        let network = read.network.network
        let graph = WalkingGraph(network)
        let buildings = read.buildings.buildings
        let layout = PopulationLayout(areas: PopulationGrid.hexagons(from: buildings), graph: graph, buildings: buildings)
        let planner = CoveragePlanner(channels: read.points.points, layout: layout, graph: graph)
        let settings = CoverageSettings(countUnknownHoursAsOpen: true)
        let speed = graph.profile.metresPerSecond

        let onEdges: [[Any]] = planner.networkLocations(settings).compactMap { _, location in
            guard let location else { return nil }
            let edge = graph.edge(location.edge)
            return [network.nodes[Int(edge.source)].osmID, network.nodes[Int(edge.target)].osmID, location.fraction, location.snapDistance / speed, edge.highway]
        }
        #expect(onEdges.count > 40)
        let request = try JSONSerialization.data(withJSONObject: ["on_edges": onEdges])
        let expected = try JSONDecoder().decode([String: Double].self, from: Reference.python("walk_network.py", arguments: [url.path], input: request))
        let seconds = planner.nodeSeconds(settings)
        var reference = [Double](repeating: .infinity, count: graph.nodeCount)
        var compared = 0
        for node in graph.mainComponentNodes {
            let value = try #require(expected[String(network.nodes[Int(node)].osmID)])
            reference[Int(node)] = value
            #expect(abs(seconds[Int(node)] - value) <= 0.005 * value + 0.01, "node \(network.nodes[Int(node)].osmID) ours \(seconds[Int(node)]) nx \(value)")
            compared += 1
        }
        #expect(compared > 1_000)

        // Covered people from networkx's node times: each building walks to its snapped point, then along
        // its edge to the nearer end.
        var covered = 0.0
        for place in layout.places {
            let edge = graph.edge(place.location.edge), length = graph.seconds(ofEdge: place.location.edge)
            let along = min(reference[Int(edge.source)] + place.location.fraction * length,
                            edge.isOneway ? .infinity : reference[Int(edge.target)] + (1 - place.location.fraction) * length)
            if along + place.location.snapDistance / speed <= settings.seconds { covered += place.people }
        }
        let report = planner.coverage(settings)
        #expect(layout.surfaceSamples.isEmpty || layout.surfaceSamples.count < layout.places.count / 100)
        #expect(abs(report.coveredPopulation - covered) <= 0.005 * covered, "\(report.coveredPopulation) vs \(covered)")
        #expect(report.coveredShare > 0.2 && report.coveredShare < 1)
    }
}
