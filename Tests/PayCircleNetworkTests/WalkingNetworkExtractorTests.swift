import PayCircleCore
import PayCircleNetwork
import Testing

@Suite struct WalkingNetworkExtractorTests {
    @Test func walkableWayRules() {
        #expect(WalkableWayFilter.isWalkable(["highway": "footway"]))
        #expect(WalkableWayFilter.isWalkable(["highway": "residential", "oneway": "yes"]))
        #expect(WalkableWayFilter.isWalkable(["highway": "primary"]))
        #expect(!WalkableWayFilter.isWalkable(["highway": "motorway"]))
        #expect(!WalkableWayFilter.isWalkable(["highway": "motorway", "foot": "no"]))
        #expect(!WalkableWayFilter.isWalkable(["highway": "footway", "foot": "no"]))
        #expect(!WalkableWayFilter.isWalkable(["highway": "service", "access": "private"]))
        #expect(WalkableWayFilter.isWalkable(["highway": "service", "access": "private", "foot": "yes"]))
        #expect(!WalkableWayFilter.isWalkable(["highway": "trunk"]))
        #expect(WalkableWayFilter.isWalkable(["highway": "trunk", "sidewalk": "both"]))
        #expect(!WalkableWayFilter.isWalkable(["building": "yes"]))
        #expect(WalkableWayFilter.footDirection(["oneway": "yes"]) == 0)
        #expect(WalkableWayFilter.footDirection(["oneway:foot": "yes"]) == 1)
        #expect(WalkableWayFilter.footDirection(["oneway:foot": "-1"]) == -1)
    }

    @Test func pedestrianSquaresAreWalkedAlongTheirOutline() {
        var extractor = WalkingNetworkExtractor()
        let corners = [(1, 23.0, 113.0), (2, 23.0, 113.001), (3, 23.001, 113.001), (4, 23.001, 113.0)]
        for (id, lat, lon) in corners { extractor.add(OSMNode(id: Int64(id), coordinate: Coordinate(latitude: lat, longitude: lon), tags: [:])) }
        extractor.add(OSMWay(id: 7, nodeIDs: [1, 2, 3, 4, 1], tags: ["highway": "pedestrian", "area": "yes", "name": "人民广场"]))
        extractor.add(OSMWay(id: 8, nodeIDs: [2, 99], tags: ["highway": "footway"]))
        extractor.add(OSMWay(id: 9, nodeIDs: [3, 1], tags: ["highway": "steps", "oneway:foot": "-1"]))
        let network = extractor.network
        #expect(network.nodes.map(\.osmID) == [1, 2, 3, 4])
        #expect(network.edges.count == 5)
        #expect(network.edges.prefix(4).allSatisfy { $0.name == "人民广场" && !$0.isOneway })
        let perimeter = network.edges.prefix(4).reduce(0) { $0 + $1.length }
        #expect(abs(perimeter - 2 * (102.47 + 110.72)) < 1)
        // oneway:foot=-1 walks against the way's direction: from node 1 to node 3.
        let steps = network.edges[4]
        #expect(network.nodes[Int(steps.source)].osmID == 1 && network.nodes[Int(steps.target)].osmID == 3 && steps.isOneway)
        #expect(extractor.waysWithMissingNodes == 1)
    }
}
