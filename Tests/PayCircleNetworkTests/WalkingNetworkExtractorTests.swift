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
        var positions = NodePositions()
        let corners = [(1, 23.0, 113.0), (2, 23.0, 113.001), (3, 23.001, 113.001), (4, 23.001, 113.0)]
        for (id, lat, lon) in corners { positions.add(Int64(id), Coordinate(latitude: lat, longitude: lon)) }
        extractor.add(OSMWay(id: 7, nodeIDs: [1, 2, 3, 4, 1], tags: ["highway": "pedestrian", "area": "yes", "name": "人民广场"]), positions: positions)
        extractor.add(OSMWay(id: 8, nodeIDs: [2, 99], tags: ["highway": "footway"]), positions: positions)
        extractor.add(OSMWay(id: 9, nodeIDs: [3, 1], tags: ["highway": "steps", "oneway:foot": "-1"]), positions: positions)
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

    @Test func repeatedNodesAreOneAndSegmentsTouchingAMissingNodeAreLeftOut() {
        var extractor = WalkingNetworkExtractor()
        var positions = NodePositions()
        for id in 1...4 { positions.add(Int64(id), Coordinate(latitude: 23 + Double(id) * 0.001, longitude: 113)) }
        extractor.add(OSMWay(id: 1, nodeIDs: [1, 1, 2, 50, 3, 4, 4], tags: ["highway": "footway"]), positions: positions)
        // A way that repeats one missing node has no segment, so nothing of it is missing.
        extractor.add(OSMWay(id: 2, nodeIDs: [60, 60], tags: ["highway": "footway"]), positions: positions)
        let network = extractor.network
        #expect(network.nodes.map(\.osmID) == [1, 2, 3, 4])
        #expect(network.edges.map { [network.nodes[Int($0.source)].osmID, network.nodes[Int($0.target)].osmID] } == [[1, 2], [3, 4]])
        // pyproj's Geod(ellps="WGS84").inv gives 110.7440 m for 0.001° of latitude from 23.001° N and 23.003° N.
        #expect(network.edges.allSatisfy { abs($0.length - 110.744) < 0.001 })
        #expect(extractor.waysWithMissingNodes == 1)
    }
}

@Suite struct NodePositionsTests {
    @Test func findsPositionsInOrderAndOutOfOrder() {
        var positions = NodePositions()
        for id in [3, 8, 20] as [Int64] { positions.add(id, Coordinate(latitude: Double(id), longitude: 0)) }
        #expect(positions[8]?.latitude == 8 && positions[3]?.latitude == 3 && positions[20]?.latitude == 20)
        #expect(positions[5] == nil && positions[21] == nil && positions[1] == nil)
        positions.add(5, Coordinate(latitude: 5, longitude: 0))       // out of order
        positions.add(8, Coordinate(latitude: 80, longitude: 0))      // repeated: the later one wins
        #expect(positions[5]?.latitude == 5 && positions[8]?.latitude == 80 && positions[20]?.latitude == 20)
        // Slots number the nodes in reading order; a node read again keeps its slot.
        #expect(positions.count == 4)
        #expect([3, 8, 20, 5, 1].map { positions.slot(of: $0) } == [0, 1, 2, 3, nil])
        #expect(positions[slot: 1].latitude == 80 && positions[slot: 3].latitude == 5)
    }
}
