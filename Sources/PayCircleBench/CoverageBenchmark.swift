import ArgumentParser
import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCirclePlanning
import PayCircleSimulation

/// Coverage of a whole generated city: a street grid of `--nodes` nodes, `--points` channels open around
/// the clock at random nodes, and square districts with random populations spread along their streets.
/// The baseline, in the same run, is the obvious way: one ten-minute search from each channel, keeping
/// each node's best time; both must count the same covered people.
struct CoverageBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "coverage", abstract: "City coverage: one multi-source pass vs a search per channel.")

    @Option(help: "Nodes of the generated grid.") var nodes = 1_000_000
    @Option(help: "Channels, open 24/7, at random nodes.") var points = 2_000
    @Option(help: "Side of the square districts, metres.") var district = 1_000.0
    @Option(help: "Coverage passes to time.") var runs = 5
    @Option(help: "Walking minutes.") var minutes = 10.0
    @Option(help: "Random seed.") var seed: UInt64 = 42

    func run() throws {
        let clock = ContinuousClock()
        let network = SyntheticNetwork.grid(nodes: nodes, seed: seed)
        let graph = WalkingGraph(network)
        let main = graph.mainComponentNodes
        var random = SeededGenerator(seed: seed ^ 0xC0FE)
        let channels = (0..<points).map { index in
            PaymentPoint(id: "p\(index)", name: "p\(index)", kind: .kiosk, openingHours: OpeningHours("24/7"),
                         location: graph.coordinate(ofNode: main[Int(random.next() % UInt64(main.count))]))
        }
        let areas = Self.districts(over: network, side: district, random: &random)
        let rssBefore = ProcessMemory.megabytes("VmRSS")
        var layout: PopulationLayout?
        let prepare = clock.measure { layout = PopulationLayout(areas: areas, graph: graph) }
        var planner: CoveragePlanner?
        let snap = clock.measure { planner = CoveragePlanner(channels: channels, layout: layout!, graph: graph) }
        let rssAfter = ProcessMemory.megabytes("VmRSS")
        let settings = CoverageSettings(minutes: minutes)
        var passes = Measurements()
        var report: CoverageReport?
        for _ in 0..<runs { passes.record(clock.measure { report = planner!.coverage(settings) }) }

        // Baseline: a bounded search from every channel, the best time per node kept.
        var best = [Double](repeating: .infinity, count: graph.nodeCount)
        let perChannel = clock.measure {
            for channel in channels {
                guard let location = try? graph.snap(channel.location) else { continue }
                graph.withWalkingTimes(to: [(location, location.snapDistance / graph.profile.metresPerSecond)], limit: settings.seconds) { times in
                    for node in times.reachedNodes { best[Int(node)] = min(best[Int(node)], times.seconds(atNode: node)) }
                }
            }
        }
        var nodeTimes: [Double] = []
        let search = clock.measure { nodeTimes = planner!.nodeSeconds(settings) }
        let covered = { (times: [Double]) in times.lazy.filter { $0 <= settings.seconds }.count }
        let samples = layout!.areas.count

        let ms = { (seconds: Double) in String(format: "%.0f ms", seconds * 1e3) }
        print("coverage: generated grid of \(graph.nodeCount) nodes, \(graph.edgeCount) edges; \(points) channels; \(samples) districts of \(Int(district)) m")
        print("  population layout (pieces, districts)   \(prepare)   resident memory \(rssBefore) MB → \(rssAfter) MB")
        print("  planner (snapping \(points) channels)      \(snap)")
        print("  coverage pass, \(Int(minutes)) min (\(runs) runs)        median \(ms(passes.median))  max \(ms(passes.percentile(1)))")
        print("  of which the multi-source search       \(ms(Double(search.components.seconds) + Double(search.components.attoseconds) * 1e-18))")
        print(String(format: "  covered: %.0f of %.0f people (%.1f%%)", report!.coveredPopulation, report!.population, report!.coveredShare * 100))
        print("  baseline: a search per channel           \(perChannel)")
        print("  nodes within \(Int(minutes)) min: one pass \(covered(nodeTimes)), per channel \(covered(best))")

        // Round the clock: the same channels, a third each open 24/7, 08:00-20:00 and 09:00-18:00 (China
        // Standard Time), over the 24 hours of one day.
        let mixed = channels.enumerated().map { index, channel in
            var channel = channel
            channel.openingHours = OpeningHours(["24/7", "Mo-Su 08:00-20:00", "Mo-Su 09:00-18:00"][index % 3])
            return channel
        }
        let day = PlanningAnswers(planner: CoveragePlanner(channels: mixed, layout: layout!, graph: graph))
        var hours: [CoverageReport] = []
        let roundTheClock = clock.measure { hours = day.coverageByHour(settings, date: "2026-12-01", timeZone: PaymentPoint.defaultTimeZone) ?? [] }
        print("  24 hours of one day, mixed hours        \(ms(Double(roundTheClock.components.seconds) + Double(roundTheClock.components.attoseconds) * 1e-18))"
              + " (\(hours.count) hours, \(day.count) distinct passes)")
    }

    /// Squares of `side` metres over the grid's extent with 2,000 to 20,000 people each.
    static func districts(over network: WalkingNetworkData, side: Double, random: inout SeededGenerator) -> [PopulationArea] {
        let plane = LocalPlane(origin: network.nodes[0].coordinate)
        let extent = network.nodes.map { plane.project($0.coordinate) }
        let maxX = extent.map(\.x).max() ?? 0, maxY = extent.map(\.y).max() ?? 0
        var areas: [PopulationArea] = []
        for row in 0..<Int((maxY / side).rounded(.up)) {
            for column in 0..<Int((maxX / side).rounded(.up)) {
                let x0 = Double(column) * side - 1, y0 = Double(row) * side - 1, x1 = x0 + side, y1 = y0 + side
                let ring = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)].map { plane.unproject(x: $0.0, y: $0.1) }
                areas.append(PopulationArea(id: "d\(row)-\(column)", name: "district \(row)-\(column)",
                                            population: Double.random(in: 2_000...20_000, using: &random).rounded(), polygons: [[ring]]))
            }
        }
        return areas
    }
}
