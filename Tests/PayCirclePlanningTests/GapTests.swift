import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCirclePlanning
import Testing

/// Gaps: areas below the covered-share threshold, most uncovered people first, with the outline of where
/// those people live.
@Suite struct GapTests {
    typealias Fixture = CoverageFixtureTests

    @Test func areasBelowTheThresholdComeMostUncoveredFirstWithTheirOutline() throws {
        let graph = WalkingGraph(Fixture.mainStreet)
        // Main Street split into three areas; the kiosk at the west end covers [0, 833] m.
        let areas = [Fixture.rectangle(id: "a-west", -50, -100, 600, 100, population: 600),
                     Fixture.rectangle(id: "b-middle", 600, -100, 1_400, 100, population: 400),
                     Fixture.rectangle(id: "c-east", 1_400, -100, 2_050, 100, population: 900)]
        let layout = PopulationLayout(areas: areas, graph: graph)
        let planner = CoveragePlanner(channels: [Fixture.kiosk("k", at: Fixture.west)], layout: layout, graph: graph)
        let report = planner.gaps(CoverageSettings(), threshold: 0.9)
        // West is covered whole; east (900 uncovered) before middle (≈ 400 × 567/800 = 283 uncovered).
        #expect(report.gaps.map(\.area.id) == ["c-east", "b-middle"])
        #expect(abs(report.gaps[1].area.uncoveredPopulation - 400 * (1_400 - 833.33) / 800) <= 5)
        // The outline is the uncovered street widened by 30 m: about 600 m × 60 m plus round ends.
        let east = report.gaps[0]
        #expect(east.uncoveredGeoJSON.contains("\"Polygon\""))
        let expected = 600 * 60 + Double.pi * 30 * 30
        #expect(abs(east.uncoveredSurface - expected) < 0.05 * expected, "\(east.uncoveredSurface)")
    }
}

/// Edge cases that must answer, not crash.
@Suite struct PlanningEdgeCaseTests {
    typealias Fixture = CoverageFixtureTests

    @Test func aFullyCoveredAreaIsNoGapEvenAtThresholdOneAndNoChannelsCoverNobody() throws {
        let graph = WalkingGraph(Fixture.mainStreet)
        let areas = [Fixture.rectangle(id: "near", -50, -100, 400, 100, population: 300),
                     Fixture.rectangle(id: "empty", 2_500, -100, 2_600, 100, population: 0)]
        let layout = PopulationLayout(areas: areas, graph: graph)
        let covered = CoveragePlanner(channels: [Fixture.kiosk("k", at: Fixture.west)], layout: layout, graph: graph)
        let report = covered.gaps(CoverageSettings(), threshold: 1)
        #expect(report.gaps.allSatisfy { $0.area.id != "empty" })
        for gap in report.gaps { #expect(gap.uncoveredGeoJSON.contains("Polygon")) }
        let nobody = CoveragePlanner(channels: [], layout: layout, graph: graph)
        #expect(nobody.coverage(CoverageSettings()).coveredPopulation == 0)
        #expect(nobody.gaps(CoverageSettings()).gaps.map(\.area.id) == ["near"])
        #expect(try nobody.suggest(candidates: [], sites: 3, settings: CoverageSettings()).sites.isEmpty)
    }

    @Test func anEmptyMultiPolygonIsRejectedWithItsFeature() throws {
        let file = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"population":5},"geometry":{"type":"MultiPolygon","coordinates":[]}}]}"#
        #expect(throws: InputError("a MultiPolygon needs at least one polygon", field: "geometry.coordinates", feature: 0)) {
            try AreaFileReader.parseGeoJSON(Data(file.utf8))
        }
    }
}
