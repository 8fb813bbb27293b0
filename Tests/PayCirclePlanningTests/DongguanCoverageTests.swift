import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCirclePlanning
import PayCircleTestSupport
import Testing
import PayCircleSimulation

/// Dongguan's 33 towns have census populations but no street network here: coverage by straight line
/// times the detour factor, against shapely's exact share of each town within that radius of a channel.
@Suite struct DongguanCoverageTests {
    static let towns = Reference.geodata("areas/dongguan-towns.geojson")

    @Test func townSharesEqualShapelysWithinHalfAPoint() throws {
        let areas = try AreaFileReader.read(contentsOf: Self.towns, populationProperty: "population_2020")
        #expect(areas.count == 33)
        #expect(areas.reduce(0) { $0 + $1.population } == 10_466_625)
        var random = SeededGenerator(seed: 2020)
        let channels = (0..<400).map { index in
            PaymentPoint(id: "p\(index)", name: "p\(index)", kind: .kiosk, openingHours: OpeningHours("24/7"),
                         location: Coordinate(latitude: .random(in: 22.65...23.15, using: &random), longitude: .random(in: 113.55...114.25, using: &random)))
        }
        let layout = PopulationLayout(areas: areas, graph: nil)
        #expect(layout.methods.allSatisfy { $0 == .straightLine })
        let report = CoveragePlanner(channels: channels, layout: layout, graph: nil).coverage(CoverageSettings())
        let radius = 600 * WalkingProfile.standard.metresPerSecond / CoverageSettings.defaultDetourFactor
        let request = try JSONSerialization.data(withJSONObject: [
            "points": channels.map { [$0.location.longitude, $0.location.latitude] }, "radius_m": radius,
        ] as [String: Any])
        let expected = try JSONDecoder().decode([String: Double].self, from: Reference.python("area_coverage.py", arguments: [Self.towns.path], input: request))
        var referenceCovered = 0.0
        for (index, area) in report.areas.enumerated() {
            let share = try #require(expected[String(index)])
            #expect(abs(area.coveredShare - share) <= 0.005, "\(area.name): \(area.coveredShare) vs \(share)")
            referenceCovered += share * area.population
        }
        #expect(abs(report.coveredPopulation - referenceCovered) <= 0.01 * referenceCovered)
        #expect(report.coveredPopulation > 0.05 * report.population)
    }
}
