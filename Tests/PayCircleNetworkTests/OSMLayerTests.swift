import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCircleTestSupport
import Testing

/// Residential buildings and candidate shops read from real OSM files, against pyosmium with the rules
/// written independently and footprints measured geodesically by pyproj.
@Suite struct OSMLayerTests {
    private struct ReferenceLayers: Decodable {
        let buildings: [String: Double]
        let candidates: [String]
    }

    static let banksMapping = Reference.repositoryRoot.appendingPathComponent("GeoData/channels-banks.json")

    @Test(arguments: ["osm/monaco.osm.pbf", "osm/porto.osm.pbf", "osm/beijing-haidian.osm"])
    func buildingsAndCandidatesEqualPyosmium(file: String) throws {
        let url = Reference.geodata(file)
        let reference = try JSONDecoder().decode(ReferenceLayers.self, from: Reference.python("osm_layers.py", arguments: [url.path, Self.banksMapping.path]))
        let read = try OSMImporter(mapping: try ChannelMapping(contentsOf: Self.banksMapping)).extract(from: url)
        let buildings = read.buildings.buildings
        #expect(buildings.count == reference.buildings.count)
        #expect(Set(buildings.map(\.id)) == Set(reference.buildings.keys))
        #expect(buildings.count > 100)
        // Planar footprints around each building's first corner equal geodesic areas to 0.1%.
        for building in buildings {
            let expected = try #require(reference.buildings[building.id])
            #expect(abs(building.floorArea - expected) <= 0.001 * expected + 0.01, "\(building.id)")
        }
        #expect(read.points.candidates.map(\.id).sorted() == reference.candidates)
        // With the banks-only mapping no candidate is a channel.
        #expect(Set(read.points.points.map(\.id)).isDisjoint(with: reference.candidates))
    }
}
