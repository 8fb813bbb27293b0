import ArgumentParser
import CSpatiaLite
import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCircleSpatiaLite
import PayCircleStore
import PayCircleSimulation

/// Walking-network latencies on a generated grid (or a real OSM file): graph build, walking-time nearest,
/// routes up to 3 km, ten-minute isochrones; and the same routes through SpatiaLite's VirtualRouting
/// (CreateRouting over the same edges and costs) as the baseline, in the same run.
struct NetworkBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "network", abstract: "Walking routes, nearest and isochrones vs VirtualRouting.")

    @Option(help: "Nodes of the generated grid (ignored with --osm).") var nodes = 1_000_000
    @Option(help: "A real OSM file instead of the generated grid.") var osm: String?
    @Option(help: "Payment points for walking-time nearest.") var points = 2_000
    @Option(help: "Queries of each kind.") var queries = 200
    @Option(help: "Routes through VirtualRouting (0 to skip the baseline).") var sqlRoutes = 50
    @Option(help: "Random seed.") var seed: UInt64 = 42
    @Option(help: "SpatiaLite file for the baseline (removed first).") var db = "/tmp/paycircle-bench-network.sqlite"

    func run() async throws {
        let clock = ContinuousClock()
        var network = WalkingNetworkData()
        let source: String
        if let osm {
            var extractor = WalkingNetworkExtractor()
            var positions = NodePositions()
            let read = try clock.measure {
                try OSMFileReader(url: URL(fileURLWithPath: osm)).read(node: { positions.add($0.id, $0.coordinate) },
                                                                       way: { extractor.add($0, positions: positions) })
            }
            network = extractor.network
            source = "\(osm) (read in \(read))"
        } else {
            network = SyntheticNetwork.grid(nodes: nodes, seed: seed)
            source = "generated grid, seed \(seed)"
        }
        let rssBefore = ProcessMemory.megabytes("VmRSS")
        var graph = WalkingGraph(WalkingNetworkData())
        let build = clock.measure { graph = WalkingGraph(network) }
        let rssAfter = ProcessMemory.megabytes("VmRSS")
        let main = graph.mainComponentNodes
        var random = SeededGenerator(seed: seed ^ 0xBEEF)
        func randomNode() -> Int32 { main[Int(random.next() % UInt64(main.count))] }
        func randomNodePlace() -> Coordinate { network.nodes[Int(randomNode())].coordinate }

        let index = PointIndex((0..<points).map { PaymentPoint(id: "p\($0)", name: "p\($0)", kind: .kiosk, location: randomNodePlace()) })
        var nearest = Measurements()
        for _ in 0..<queries {
            let place = randomNodePlace()
            try nearest.record(clock.measure { _ = try graph.nearestByWalking(NearestQuery(location: place, k: 5), in: index) })
        }

        var pairs: [(Int32, Int32)] = []
        while pairs.count < queries {
            let a = randomNode(), b = randomNode()
            if (300...3_000).contains(Geodesic.distance(network.nodes[Int(a)].coordinate, network.nodes[Int(b)].coordinate)) { pairs.append((a, b)) }
        }
        var routes = Measurements()
        var routeSeconds: [Double] = []
        for (a, b) in pairs {
            var route: WalkingRoute?
            let from = network.nodes[Int(a)].coordinate, to = network.nodes[Int(b)].coordinate
            try routes.record(clock.measure { route = try graph.route(from: from, to: to) })
            routeSeconds.append(route!.duration)
        }

        var isochrones = Measurements()
        for _ in 0..<queries {
            let place = randomNodePlace()
            try isochrones.record(clock.measure { _ = try graph.isochrone(from: place, seconds: 600) })
        }

        let ms = { (seconds: Double) in String(format: "%.2f ms", seconds * 1e3) }
        print("walking network: \(source)")
        print("  \(graph.nodeCount) nodes, \(graph.edgeCount) edges, main component \(main.count) nodes")
        print("  graph build \(build), resident memory \(rssBefore) MB → \(rssAfter) MB")
        print("  walking nearest k=5 (\(points) points)  median \(ms(nearest.median))  p99 \(ms(nearest.percentile(0.99)))")
        print("  route 0.3–3 km                       median \(ms(routes.median))  p99 \(ms(routes.percentile(0.99)))")
        print("  isochrone 10 min                     median \(ms(isochrones.median))  p99 \(ms(isochrones.percentile(0.99)))")
        guard sqlRoutes > 0 else { return }

        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        let store = try SpatiaLiteStore(path: db)
        let load = try await clock.measure { try await store.write(PointChange(), layers: OSMLayers(network: network)) }
        let baseline = try VirtualRoutingBaseline(path: db, profile: graph.profile)
        var sql = Measurements()
        var disagreements = 0
        for (number, (a, b)) in pairs.prefix(sqlRoutes).enumerated() {
            // Stored node ids are the graph's node indices.
            var cost = 0.0
            try sql.record(clock.measure { cost = try baseline.cost(from: Int64(a), to: Int64(b)) })
            if abs(cost - routeSeconds[number]) > 0.001 * routeSeconds[number] + 0.01 {
                disagreements += 1
                print(String(format: "  differs: node %d → %d: PayCircle %.2f s, VirtualRouting %.2f s", a, b, routeSeconds[number], cost))
            }
        }
        print("  store write of the network           \(load)")
        print("  VirtualRouting route (\(sqlRoutes))          median \(ms(sql.median))  p99 \(ms(sql.percentile(0.99)))")
        let sameRoutes = Measurements(samples: Array(routes.samples.prefix(sqlRoutes)))
        print("  PayCircle, the same \(sqlRoutes) routes        median \(ms(sameRoutes.median))  p99 \(ms(sameRoutes.percentile(0.99)))")
        print(String(format: "  speed-up of routes (median, same routes) %.1fx", sql.median / sameRoutes.median))
        print("  route times that differ by > 0.1%    \(disagreements) of \(sqlRoutes)")
    }
}
