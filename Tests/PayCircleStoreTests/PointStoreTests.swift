import Foundation
import PayCircleCore
import PayCircleSpatiaLite
import PayCircleStore
import PayCircleTestSupport
import Testing

/// The store contract, run against SpatiaLite and (with `$PAYCIRCLE_TEST_POSTGRES`) PostGIS alike, and what
/// is particular to each: the schema, indexes and file format.
@Suite struct PointStoreTests {
    static func hall(_ id: String, _ lat: Double = 23.02, _ lon: Double = 113.75) -> PaymentPoint {
        PaymentPoint(id: id, name: "东莞供电局\(id)营业厅", kind: .hall, grade: .b, services: [.cash, .invoice, .business],
                     openingHours: OpeningHours("Mo-Fr 08:30-17:30; Sa 09:00-12:00"), status: .online,
                     address: "广东省东莞市南城街道鸿福路99号", phone: "95598", source: "test",
                     updatedAt: Date(timeIntervalSince1970: 1_790_000_000), location: Coordinate(latitude: lat, longitude: lon))
    }

    @Test func createsTheSchemaOnceWithSpatialIndexAndWAL() async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        #expect(try await test.store.schemaVersion() == 16)
        try await test.store.write(PointChange(upserts: [Self.hall("h1")]))
        #expect(try await test.reopen().loadPoints().count == 1)
        #expect(try await test.scalar("PRAGMA journal_mode") == "wal")
        #expect(try await test.scalar("SELECT spatial_index_enabled FROM geometry_columns WHERE f_table_name = 'points'") == "1")
        #expect(try await test.scalar("SELECT srid FROM geometry_columns WHERE f_table_name = 'points'") == "4326")
        #expect(try await test.scalar("SELECT count(*) FROM idx_points_geom") == "1")
        #expect(try await test.scalar("SELECT geometry_type FROM geometry_columns WHERE f_table_name = 'network_edges'") == "2")
    }

    @Test(.enabled(if: TestStore.server != nil, "needs $PAYCIRCLE_TEST_POSTGRES"))
    func postGISCreatesTheSchemaOnceWithGiSTIndexes() async throws {
        let test = try await TestStore(.postGIS)
        defer { test.remove() }
        #expect(try await test.store.schemaVersion() == 16)
        try await test.store.write(PointChange(upserts: [Self.hall("h1")]))
        // A second opening finds the schema in place and migrates nothing.
        #expect(try await test.reopen().loadPoints().count == 1)
        for (table, index) in [("points", "points_geom"), ("network_edges", "network_edges_geom"), ("areas", "areas_geom")] {
            #expect(try await test.scalar("SELECT indexdef FROM pg_indexes WHERE tablename = '\(table)' AND indexname = '\(index)'")?.contains("USING gist (geom)") == true)
        }
        #expect(try await test.scalar("SELECT Find_SRID('public', 'points', 'geom')") == "4326")
        #expect(try await test.scalar("SELECT ST_AsText(geom) FROM points WHERE id = 'h1'") == "POINT(113.75 23.02)")
    }

    @Test(arguments: TestStore.Kind.available) func roundTripsEveryFieldAndChineseTextExactly(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let store = test.store
        let original = Self.hall("南城")
        try await store.write(PointChange(upserts: [original]))
        #expect(try await store.point(id: "南城") == original)
        #expect(try await store.point(id: "missing") == nil)
        // Absent optional fields stay absent.
        let bare = PaymentPoint(id: "k", name: "自助终端", kind: .kiosk, updatedAt: Date(timeIntervalSince1970: 1_790_000_000),
                                location: Coordinate(latitude: 23, longitude: 113))
        try await store.write(PointChange(upserts: [bare]))
        #expect(try await test.reopen().point(id: "k") == bare)
        // Hours the import assumed stay marked as assumed.
        var atm = bare
        atm.id = "atm"
        atm.openingHours = OpeningHours("24/7")
        atm.hoursAssumed = true
        try await store.write(PointChange(upserts: [atm]))
        #expect(try await test.reopen().point(id: "atm") == atm)
        #expect(try await test.reopen().loadPoints().first { $0.id == "atm" }?.hoursAssumed == true)
    }

    @Test(arguments: TestStore.Kind.available) func upsertsByIdAndReportsWhatChanged(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let store = test.store
        let first = try await store.write(PointChange(upserts: [Self.hall("a"), Self.hall("b")]))
        #expect(first.inserted == 2 && first.updated == 0)
        var moved = Self.hall("a", 23.05, 113.80)
        moved.status = .closed
        let second = try await store.write(PointChange(upserts: [moved, Self.hall("c")], deletions: ["b"]))
        #expect(second.inserted == 1 && second.updated == 1 && second.deleted == 1 && second.removedIDs == ["b"])
        #expect(try await store.loadPoints().map(\.id) == ["a", "c"])
        #expect(try await store.point(id: "a")?.status == .closed)
        let replaced = try await store.write(PointChange(upserts: [Self.hall("d")], replace: .all))
        #expect(replaced.deleted == 2 && replaced.inserted == 1)
        #expect(try await store.loadPoints().map(\.id) == ["d"])
        // A later duplicate in one change wins and counts as an update; ids sort bytewise (as in SQLite).
        var renamed = Self.hall("d")
        renamed.name = "改名"
        let duplicates = try await store.write(PointChange(upserts: [Self.hall("e"), Self.hall("D"), renamed, Self.hall("e", 23.2, 113.2)]))
        #expect(duplicates.inserted == 2 && duplicates.updated == 2)
        #expect(try await store.loadPoints().map(\.id) == ["D", "d", "e"])
        #expect(try await store.point(id: "d")?.name == "改名")
        #expect(try await store.point(id: "e")?.location.latitude == 23.2)
        let bySource = try await store.write(PointChange(replace: .source("test")))
        #expect(bySource.deleted == 3 && bySource.removedIDs == ["D", "d", "e"])
    }

    @Test(arguments: TestStore.Kind.available) func aFailedWriteLeavesStoreAndIndexAsTheyWere(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let registry = try await PointRegistry(store: test.store)
        try await registry.apply(PointChange(upserts: [Self.hall("kept")]))
        var broken = Self.hall("broken")
        broken.location.latitude = .nan
        await #expect(throws: StoreError.self) {
            try await registry.apply(PointChange(upserts: [Self.hall("new"), broken], replace: .all))
        }
        #expect(try await registry.store.loadPoints().map(\.id) == ["kept"])
        #expect(registry.index.allPoints.map(\.id) == ["kept"])
    }

    @Test(arguments: TestStore.Kind.available) func registryKeepsTheIndexInStepWithTheStore(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let registry = try await PointRegistry(store: test.store)
        let here = Coordinate(latitude: 23.0, longitude: 113.7)
        try await registry.apply(PointChange(upserts: [Self.hall("far", 23.1, 113.7), Self.hall("near", 23.01, 113.7)]))
        #expect(registry.nearest(NearestQuery(location: here, k: 1)).map(\.point.id) == ["near"])
        try await registry.apply(PointChange(deletions: ["near"]))
        #expect(registry.nearest(NearestQuery(location: here, k: 1)).map(\.point.id) == ["far"])
        let fromDisk = try await PointRegistry(store: test.reopen())
        #expect(fromDisk.index.allPoints == registry.index.allPoints)
    }

    @Test func rejectsAFileThatIsNotADatabase() async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("not.sqlite")
        try Data("this is not sqlite".utf8).write(to: path)
        #expect(throws: StoreError.self) { try SpatiaLiteStore(path: path.path) }
    }
}

@Suite struct NetworkStorageTests {
    @Test(arguments: TestStore.Kind.available) func networkRoundTripsAndReplacesAtomically(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let store = test.store
        let network = WalkingNetworkData(
            nodes: [.init(osmID: 10, coordinate: Coordinate(latitude: 23, longitude: 113)),
                    .init(osmID: 11, coordinate: Coordinate(latitude: 23.001, longitude: 113))],
            edges: [.init(source: 0, target: 1, length: 110.7, highway: "steps", name: "东城路", isOneway: true),
                    .init(source: 1, target: 0, length: 110.7, highway: "footway")]
        )
        try await store.write(PointChange(), layers: OSMLayers(network: network))
        #expect(try await store.loadNetwork() == network)
        // The edges' geometry is registered as WGS-84 LINESTRINGs (SpatiaLite type 2), as GIS tools expect.
        switch kind {
        case .spatiaLite:
            #expect(try await test.scalar("SELECT geometry_type || ':' || srid FROM geometry_columns WHERE f_table_name = 'network_edges'") == "2:4326")
        case .postGIS:
            #expect(try await test.scalar("SELECT type || ':' || srid FROM geometry_columns WHERE f_table_name = 'network_edges'") == "LINESTRING:4326")
            #expect(try await test.scalar("SELECT ST_AsText(geom) FROM network_edges WHERE id = 0") == "LINESTRING(113 23,113 23.001)")
        }
        // An edge to a node that does not exist fails the whole write: the old network stays.
        var broken = network
        broken.edges.append(.init(source: 0, target: 7, length: 1, highway: "path"))
        await #expect(throws: StoreError.self) {
            try await store.write(PointChange(upserts: [PointStoreTests.hall("h")]), layers: OSMLayers(network: broken))
        }
        #expect(try await store.loadNetwork() == network)
        #expect(try await store.loadPoints().isEmpty)
    }
}

@Suite struct OSMLayerStorageTests {
    @Test(arguments: TestStore.Kind.available) func buildingsAndCandidatesRoundTripAndAFailedImportKeepsTheOldOnes(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let store = test.store
        #expect(try await store.schemaVersion() == 16)
        let layers = OSMLayers(
            buildings: [ResidentialBuilding(id: "osm:w1", location: Coordinate(latitude: 23, longitude: 113), footprint: 120.5, levels: 6)],
            candidates: [CandidateSite(id: "osm:n2", name: "美宜佳", location: Coordinate(latitude: 23.001, longitude: 113.002))]
        )
        try await store.write(PointChange(), layers: layers)
        #expect(try await store.loadBuildings() == layers.buildings)
        #expect(try await store.loadCandidates() == layers.candidates)
        var broken = layers
        broken.buildings.append(ResidentialBuilding(id: "osm:w3", location: Coordinate(latitude: 23, longitude: 113), footprint: 10, levels: 0))
        broken.candidates = []
        await #expect(throws: StoreError.self) { try await store.write(PointChange(), layers: broken) }
        #expect(try await store.loadBuildings() == layers.buildings)
        #expect(try await store.loadCandidates() == layers.candidates)
    }
}
