import Foundation
import PayCircleCore
import PayCircleStore
import PayCircleTestSupport
import Testing

@Suite struct AreaStorageTests {
    @Test(arguments: TestStore.Kind.available) func dongguanTownsImportWithTheirCensusTotal(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let store = test.store
        let towns = try AreaFileReader.read(contentsOf: Reference.geodata("areas/dongguan-towns.geojson"), populationProperty: "population_2020")
        try await store.replaceAreas(towns)
        let stored = try await store.loadAreas()
        #expect(stored.count == 33)
        #expect(stored.reduce(0) { $0 + $1.population } == 10_466_625)
        // The census table beside the polygons agrees town by town.
        let census = try String(contentsOf: Reference.geodata("areas/dongguan-towns-population-2020.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        let byName = Dictionary(uniqueKeysWithValues: stored.map { ($0.name, $0.population) })
        for row in census { #expect(byName[String(row[0])] == Double(row[1]), "\(row[0])") }
        // Geometry comes back bit for bit (read as WKB), holes and parts in place.
        for (back, original) in zip(stored, towns.sorted { $0.id < $1.id }) {
            #expect(back.polygons == original.polygons, "\(back.name)")
        }
    }

    @Test(arguments: TestStore.Kind.available) func holesAndMultiPolygonsRoundTrip(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let store = test.store
        func ring(_ lat: Double, _ lon: Double, _ size: Double) -> [Coordinate] {
            [(0, 0), (0, size), (size, size), (size, 0), (0, 0)].map { Coordinate(latitude: lat + $0.0, longitude: lon + $0.1) }
        }
        let area = PopulationArea(id: "a", name: "东城街道", population: 1234.5,
                                  polygons: [[ring(23, 113, 0.1), ring(23.02, 113.02, 0.02)], [ring(23.5, 113.5, 0.05)]])
        try await store.replaceAreas([area])
        let back = try await #require(try store.loadAreas().first)
        #expect(back.id == "a" && back.name == "东城街道" && back.population == 1234.5)
        #expect(back.polygons.map { $0.map(\.count) } == [[5, 5], [5]])
        #expect(back.polygons == area.polygons)
    }

    @Test func badAreasNameTheFeatureAndPropertyAndChangeNothing() throws {
        func error(_ features: String, population: String = "population") -> InputError? {
            do {
                _ = try AreaFileReader.parseGeoJSON(Data("{\"type\":\"FeatureCollection\",\"features\":[\(features)]}".utf8), populationProperty: population)
                return nil
            } catch { return error }
        }
        let good = #"{"type":"Feature","properties":{"name":"A","population":10},"geometry":{"type":"Polygon","coordinates":[[[113,23],[113.1,23],[113.1,23.1],[113,23]]]}}"#
        #expect(error(good) == nil)
        #expect(error(good + "," + good.replacingOccurrences(of: "10", with: "-3"))?.feature == 1)
        #expect(error(good.replacingOccurrences(of: "\"population\":10", with: "\"people\":10"))?.field == "properties.population")
        #expect(error(good.replacingOccurrences(of: "Polygon", with: "LineString"))?.field == "geometry.type")
        #expect(error(good.replacingOccurrences(of: ",[113,23]]]", with: "]]"))?.field == "geometry.coordinates")
        #expect(error(good.replacingOccurrences(of: "[113,23]", with: "[213,23]"))?.field == "geometry.coordinates")
        #expect(error(good + "," + good) == nil)   // no ids: each feature gets its own
        let withID = good.replacingOccurrences(of: "\"name\":\"A\"", with: "\"id\":\"x\",\"name\":\"A\"")
        let duplicate = error(withID + "," + withID)
        #expect(duplicate?.feature == 1 && duplicate?.message.contains("twice") == true)
    }
}
