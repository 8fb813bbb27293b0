import Foundation
import PayCircleCore
import PayCircleStore
import PayCircleTestSupport
import Testing

/// `paycircle export`: a whole store copied SpatiaLite → PostGIS → SpatiaLite comes back identical.
@Suite(.enabled(if: TestStore.server != nil, "needs $PAYCIRCLE_TEST_POSTGRES"))
struct ExportCommandTests {
    @Test func aStoreCopiedToPostGISAndBackIsTheSame() async throws {
        let source = try await TestStore(.spatiaLite), middle = try await TestStore(.postGIS), back = try await TestStore(.spatiaLite)
        defer { source.remove(); middle.remove(); back.remove() }
        let channels = Reference.repositoryRoot.appendingPathComponent("GeoData/channels.json").path
        let osm = try PayCircleProcess(["import", "osm", "--store", source.location, "--channels", channels, Reference.geodata("osm/monaco.osm.pbf").path])
        #expect(osm.wait() == 0, "\(osm.printed)")
        let areas = try PayCircleProcess(["import", "areas", "--store", source.location, "--population-property", "population_2020",
                                          Reference.geodata("areas/dongguan-towns.geojson").path])
        #expect(areas.wait() == 0, "\(areas.printed)")
        // Something already in the target is replaced, not merged.
        try await middle.store.write(PointChange(upserts: [PaymentPoint(id: "stale", name: "旧点", kind: .kiosk, location: Coordinate(latitude: 23, longitude: 113))]))

        for (from, to) in [(source, middle), (middle, back)] {
            let export = try PayCircleProcess(["export", "--store", from.location, "--to", to.location])
            #expect(export.wait() == 0, "\(export.printed)")
            #expect(export.printed.contains("Copied and verified.") && !export.printed.contains("DIFFERENT"), "\(export.printed)")
        }
        let original = try await StoreContents(from: source.store)
        #expect(original.points.count == 67 && original.layers.network.edges.count == 25_759 && original.areas.count == 33)
        #expect(try await StoreContents(from: middle.reopen()) == original)
        #expect(try await StoreContents(from: back.store) == original)
        #expect(try await StoreContents(from: back.store).fingerprints == original.fingerprints)

        let itself = try PayCircleProcess(["export", "--store", source.location, "--to", source.location])
        #expect(itself.wait() != 0 && itself.printed.contains("the target is the store itself"), "\(itself.printed)")
    }
}
