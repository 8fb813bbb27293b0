import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCirclePlanning
import Testing

/// The planners' map: every street coloured by its walk, every channel, the areas, the attribution.
@Suite struct CoverageMapTests {
    typealias Fixture = CoverageFixtureTests

    func map() -> CoverageMap {
        let graph = WalkingGraph(Fixture.mainStreet)
        let layout = PopulationLayout(areas: [Fixture.rectangle(id: "street", -50, -100, 2_050, 100, population: 1_000)], graph: graph)
        let channels = [Fixture.kiosk("open", at: Fixture.west), Fixture.kiosk("closed", at: Fixture.east(2_000), hours: "off")]
        return CoverageMap(planner: CoveragePlanner(channels: channels, layout: layout, graph: graph), settings: CoverageSettings())
    }

    @Test func svgDrawsEachStreetByItsWalkEachChannelAndTheAttribution() {
        let svg = map().svg()
        // 20 street edges plus the area's 4 outline sides and the legend's 5 colour keys.
        #expect(svg.components(separatedBy: "<line ").count - 1 == 20 + 4 + 5)
        #expect(svg.components(separatedBy: "<circle ").count - 1 == 2)
        // The first edge's middle is 50 m (36 s) from the open kiosk; the last edge's, 1,950 m (1,404 s), past
        // twice the ten minutes, takes the ramp's last colour.
        #expect(svg.contains(MapColor.walkingTime(36, limit: 600).hex))
        #expect(svg.contains(MapColor.walkingTime(1_200, limit: 600).hex))
        #expect(svg.contains("OpenStreetMap contributors"))
    }

    @Test func pngIsAPictureOfTheGivenSize() {
        var map = map()
        map.width = 640
        map.height = 480
        let png = map.png()
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 640 && height == 480)
    }
}
