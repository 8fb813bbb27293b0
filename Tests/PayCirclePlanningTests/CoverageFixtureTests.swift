import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCirclePlanning
import Testing

/// Hand-made cities whose coverage is known by hand.
///
/// Main Street runs 2 km due east along latitude 23° in twenty 100 m edges; a kiosk stands at its west end.
/// At 5 km/h ten minutes walk 833⅓ m, so of 1,000 people spread along the street 416⅔ are covered.
@Suite struct CoverageFixtureTests {
    static let west = Coordinate(latitude: 23.0, longitude: 113.0)
    static let metresPerDegreeLongitude = LocalPlane(origin: west).metresPerDegreeLongitude
    static let metresPerDegreeLatitude = LocalPlane(origin: west).metresPerDegreeLatitude

    static func east(_ metres: Double, north: Double = 0) -> Coordinate {
        Coordinate(latitude: west.latitude + north / metresPerDegreeLatitude, longitude: west.longitude + metres / metresPerDegreeLongitude)
    }

    static let mainStreet: WalkingNetworkData = {
        let nodes = (0...20).map { WalkingNetworkData.Node(osmID: Int64($0 + 1), coordinate: east(Double($0) * 100)) }
        let edges = (0..<20).map { i in
            WalkingNetworkData.Edge(source: Int32(i), target: Int32(i + 1), length: Geodesic.distance(nodes[i].coordinate, nodes[i + 1].coordinate),
                                    highway: "residential", name: "Main Street")
        }
        return WalkingNetworkData(nodes: nodes, edges: edges)
    }()

    /// A rectangle from `x0` to `x1` metres east and `y0` to `y1` metres north of the west end.
    static func rectangle(id: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, population: Double) -> PopulationArea {
        let ring = [east(x0, north: y0), east(x1, north: y0), east(x1, north: y1), east(x0, north: y1), east(x0, north: y0)]
        return PopulationArea(id: id, name: id, population: population, polygons: [[ring]])
    }

    static func kiosk(_ id: String, at place: Coordinate, hours: String = "24/7") -> PaymentPoint {
        PaymentPoint(id: id, name: id, kind: .kiosk, openingHours: OpeningHours(hours), location: place)
    }

    @Test func peopleAlongTheStreetAreCoveredUpToTheTenMinuteWalk() throws {
        let graph = WalkingGraph(Self.mainStreet)
        let area = Self.rectangle(id: "street", -50, -100, 2050, 100, population: 1_000)
        let layout = PopulationLayout(areas: [area], graph: graph)
        #expect(layout.methods == [.streets])
        let planner = CoveragePlanner(channels: [Self.kiosk("k", at: Self.west)], layout: layout, graph: graph)
        let report = planner.coverage(CoverageSettings(minutes: 10))
        let coveredMetres = 10 * 60 * 5 / 3.6
        // Samples every 10 m: the covered count is exact to within one sample (5 people).
        #expect(abs(report.coveredPopulation - 1_000 * coveredMetres / 2_000) <= 5)
        // Half the people live within 1,000 m: 720 s.
        #expect(abs(try #require(report.areas[0].medianWalkSeconds) - 720) <= 10)
        #expect(report.channels.counted == 1)
    }

    @Test func onlyChannelsOpenAtTheMomentCount() throws {
        let graph = WalkingGraph(Self.mainStreet)
        let layout = PopulationLayout(areas: [Self.rectangle(id: "street", -50, -100, 2050, 100, population: 1_000)], graph: graph)
        let channels = [Self.kiosk("day", at: Self.east(2000), hours: "Mo-Su 08:00-18:00"), Self.kiosk("night", at: Self.west),
                        Self.kiosk("unknown", at: Self.east(1000), hours: "sunrise-sunset")]
        let planner = CoveragePlanner(channels: channels, layout: layout, graph: graph)
        let formatter = ISO8601DateFormatter()
        let noon = try #require(formatter.date(from: "2026-11-23T12:00:00+08:00"))
        let night = try #require(formatter.date(from: "2026-11-23T22:00:00+08:00"))
        let day = planner.coverage(CoverageSettings(at: noon)), late = planner.coverage(CoverageSettings(at: night))
        // By day both ends are covered (833⅓ m from each); by night only the west end.
        #expect(abs(day.coveredPopulation - 1_000 * 2 * 833.33 / 2_000) <= 10)
        #expect(abs(late.coveredPopulation - 1_000 * 833.33 / 2_000) <= 5)
        #expect(late.channels.closed == 1 && late.channels.unknownHours == 1)
        // Counting unknown hours as open adds the middle kiosk: everyone is within 833 m of one of them.
        let generous = planner.coverage(CoverageSettings(at: noon, countUnknownHoursAsOpen: true))
        #expect(abs(generous.coveredPopulation - 1_000) <= 5)
    }

    /// Round the clock on 23 November in Dongguan: from 08:00 to 17:00 both ends are covered (833⅓ people
    /// of 1,000 along the street), the other fourteen hours only the west end (416⅔); the day costs two
    /// passes, one per set of open channels.
    @Test func coverageRoundTheClock() throws {
        let graph = WalkingGraph(Self.mainStreet)
        let layout = PopulationLayout(areas: [Self.rectangle(id: "street", -50, -100, 2050, 100, population: 1_000)], graph: graph)
        let planner = CoveragePlanner(channels: [Self.kiosk("day", at: Self.east(2000), hours: "Mo-Su 08:00-18:00"), Self.kiosk("night", at: Self.west)],
                                      layout: layout, graph: graph)
        let answers = PlanningAnswers(planner: planner)
        let hours = try #require(answers.coverageByHour(CoverageSettings(), date: "2026-11-23", timeZone: "Asia/Shanghai"))
        #expect(hours.count == 24)
        let covered = hours.map(\.coveredPopulation)
        #expect(covered[8...17].allSatisfy { abs($0 - 833.33) <= 10 } && covered[0..<8].allSatisfy { abs($0 - 416.67) <= 5 }
                && covered[18...].allSatisfy { abs($0 - 416.67) <= 5 }, "\(covered)")
        #expect(hours[8].at == ISO8601DateFormatter().date(from: "2026-11-23T00:00:00Z"))
        #expect(answers.count == 2)
        #expect(answers.coverageByHour(CoverageSettings(), date: "2026-02-30", timeZone: "Asia/Shanghai") == nil)
    }

    /// An ATM in the middle whose 24/7 the import assumed (nobody tagged its hours): it counts by default
    /// and is reported as open by assumed hours; saying how unknown hours count overrides the assumption
    /// (closed: the west kiosk alone, 833⅓ m of 2,000; open: both again).
    @Test func hoursTheImportAssumedCountUnlessOverridden() throws {
        let graph = WalkingGraph(Self.mainStreet)
        let layout = PopulationLayout(areas: [Self.rectangle(id: "street", -50, -100, 2050, 100, population: 1_000)], graph: graph)
        var atm = PaymentPoint(id: "atm", name: "ATM", kind: .bankBooth, openingHours: OpeningHours("24/7"), location: Self.east(1000))
        atm.hoursAssumed = true
        let planner = CoveragePlanner(channels: [Self.kiosk("west", at: Self.west), atm], layout: layout, graph: graph)
        let assumed = planner.coverage(CoverageSettings())
        #expect(assumed.channels.counted == 2 && assumed.channels.assumedHours == 1 && assumed.channels.unknownHours == 0)
        let overridden = planner.coverage(CoverageSettings(useAssumedHours: false))
        #expect(overridden.channels.counted == 1 && overridden.channels.unknownHours == 1 && overridden.channels.assumedHours == 0)
        #expect(abs(overridden.coveredPopulation - 1_000 * 833.33 / 2_000) <= 5)
        let generous = planner.coverage(CoverageSettings(countUnknownHoursAsOpen: true, useAssumedHours: false))
        #expect(generous.channels.counted == 2 && generous.coveredPopulation > overridden.coveredPopulation)
        // Through the API's parameters: absent uses the assumption, given overrides it.
        #expect(try PlanningRequest(QueryParameters([:])).settings.useAssumedHours)
        #expect(try !PlanningRequest(QueryParameters(["unknown_hours": "closed"])).settings.useAssumedHours)
    }

    @Test func timesRunFromHomeToChannelOnFootOnewayWays() throws {
        // A 500 m ramp that may be walked only eastward: people on it reach a kiosk at its east end, not
        // one at its west end.
        let nodes = [WalkingNetworkData.Node(osmID: 1, coordinate: Self.west), .init(osmID: 2, coordinate: Self.east(500))]
        let ramp = WalkingNetworkData(nodes: nodes, edges: [.init(source: 0, target: 1, length: Geodesic.distance(Self.west, Self.east(500)),
                                                                  highway: "footway", isOneway: true)])
        let graph = WalkingGraph(ramp)
        let layout = PopulationLayout(areas: [Self.rectangle(id: "ramp", -50, -100, 550, 100, population: 500)], graph: graph)
        let east = CoveragePlanner(channels: [Self.kiosk("east", at: Self.east(500))], layout: layout, graph: graph).coverage(CoverageSettings())
        let west = CoveragePlanner(channels: [Self.kiosk("west", at: Self.west)], layout: layout, graph: graph).coverage(CoverageSettings())
        #expect(abs(east.coveredPopulation - 500) < 1e-3)
        #expect(west.coveredPopulation == 0)
        #expect(west.areas[0].medianWalkSeconds == nil)
    }

    @Test func areasWithoutStreetsArePricedByStraightLineTimesTheDetourFactor() throws {
        // A 2 km square with no network and a kiosk in the middle: covered within 833⅓ / 1.3 = 641 m.
        let area = Self.rectangle(id: "town", 0, 2000, 2000, 4000, population: 4_000)
        let layout = PopulationLayout(areas: [area], graph: WalkingGraph(Self.mainStreet))
        #expect(layout.methods == [.straightLine])
        let planner = CoveragePlanner(channels: [Self.kiosk("k", at: Self.east(1000, north: 3000))], layout: layout, graph: WalkingGraph(Self.mainStreet))
        let report = planner.coverage(CoverageSettings())
        let radius = 10 * 60 * 5 / 3.6 / CoverageSettings.defaultDetourFactor
        let expected = 4_000 * Double.pi * radius * radius / 4e6
        #expect(abs(report.coveredPopulation - expected) < 0.01 * expected, "\(report.coveredPopulation) vs \(expected)")
        #expect(report.areas[0].method == .straightLine)
    }
}
