import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCirclePlanning
import Testing

/// People estimated from buildings into 250 m hexagons, where no census areas are given.
@Suite struct PopulationGridTests {
    typealias Fixture = CoverageFixtureTests

    @Test func everyBuildingsResidentsLandInExactlyOneHexagonOfTheRightSize() throws {
        // 400 buildings on a 20 × 20 grid 37 m apart, 10 × 10 m footprints, 7 levels: 700 m² ÷ 35 = 20 people each.
        let buildings = (0..<400).map { index in
            ResidentialBuilding(id: "b\(index)", location: Fixture.east(Double(index % 20) * 37, north: Double(index / 20) * 37), footprint: 100, levels: 7)
        }
        let cells = PopulationGrid.hexagons(from: buildings)
        #expect(abs(cells.reduce(0) { $0 + $1.population } - 8_000) < 1e-6)
        #expect(Set(cells.map(\.id)).count == cells.count)
        // A hexagon 250 m across the flats covers (√3 / 2) × 250² ≈ 54,127 m².
        let plane = LocalPlane(origin: Fixture.west)
        for cell in cells {
            let area = plane.area(ofRing: cell.polygons[0][0])
            #expect(abs(area - 3.squareRoot() / 2 * 250 * 250) < 5)
        }
        // A 703 m square of buildings spans several hexagons but far fewer than one per building.
        #expect(cells.count >= 9 && cells.count <= 25)
    }

    @Test func buildingsShareTheirAreaByFloorAndWalkFromTheirDoor() throws {
        // One area on Main Street with two blocks 50 m north of it: one at 200 m (3 floors), one at 1,500 m
        // (1 floor), housing 1,143 people by the estimate. The kiosk at the west end reaches the first
        // (200 + 50 m) but not the second.
        let graph = WalkingGraph(Fixture.mainStreet)
        let buildings = [ResidentialBuilding(id: "near", location: Fixture.east(200, north: 50), footprint: 10_000, levels: 3),
                         ResidentialBuilding(id: "far", location: Fixture.east(1_500, north: 50), footprint: 10_000, levels: 1)]
        let layout = PopulationLayout(areas: [Fixture.rectangle(id: "a", -50, -100, 2_050, 100, population: 1_000)], graph: graph, buildings: buildings)
        #expect(layout.methods == [.buildings])
        let report = CoveragePlanner(channels: [Fixture.kiosk("k", at: Fixture.west)], layout: layout, graph: graph).coverage(CoverageSettings())
        #expect(abs(report.coveredPopulation - 750) < 1e-6)
        // With only two buildings the median person lives in the near one: 250 m, 180 s (binned to 10 s).
        #expect(abs(try #require(report.areas[0].medianWalkSeconds) - 180) <= 10)
        // Buildings that house under a quarter of the census figure are too patchy: people go along the streets.
        let patchy = PopulationLayout(areas: [Fixture.rectangle(id: "a", -50, -100, 2_050, 100, population: 5_000)], graph: graph, buildings: buildings)
        #expect(patchy.methods == [.streets])
    }
}
