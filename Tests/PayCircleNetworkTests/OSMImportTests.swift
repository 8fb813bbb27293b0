import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCircleSpatiaLite
import PayCircleStore
import PayCircleTestSupport
import Testing

@Suite struct OSMImportTests {
    static let mappingURL = Reference.repositoryRoot.appendingPathComponent("GeoData/channels.json")

    private struct ReferenceCount: Decodable {
        let nodes: Int
        let ways: Int
        let by_kind: [String: Int]
        let ids: [String]
        let assumed_ids: [String]
    }

    private func importer() throws -> OSMImporter {
        OSMImporter(mapping: try ChannelMapping(contentsOf: Self.mappingURL))
    }

    /// Our import and pyosmium with the same mapping find the same channels.
    private func expectSameChannelsAsPyosmium(_ file: URL, minimum: Int) throws {
        let reference = try JSONDecoder().decode(
            ReferenceCount.self, from: Reference.python("osm_poi_count.py", arguments: [file.path, Self.mappingURL.path]))
        let points = try importer().extractPoints(from: file).points
        #expect(points.count == reference.nodes + reference.ways)
        #expect(points.map(\.id).sorted() == reference.ids)
        // ATMs and payment terminals nobody tagged with hours are taken as 24/7, and marked so.
        let assumed = points.filter(\.hoursAssumed)
        #expect(assumed.map(\.id).sorted() == reference.assumed_ids)
        #expect(assumed.allSatisfy { $0.openingHours?.text == "24/7" && ($0.kind == .bankBooth || $0.kind == .kiosk) })
        #expect(Dictionary(grouping: points, by: \.kind.rawValue).mapValues(\.count) == reference.by_kind)
        #expect(points.count >= minimum)
    }

    @Test func monacoPBFMatchesPyosmium() throws {
        try expectSameChannelsAsPyosmium(Reference.geodata("osm/monaco.osm.pbf"), minimum: 60)
    }

    @Test func beijingXMLMatchesPyosmium() throws {
        try expectSameChannelsAsPyosmium(Reference.geodata("osm/beijing-haidian.osm"), minimum: 60)
    }

    @Test func gzipCompressedXMLMatchesPyosmium() throws {
        try expectSameChannelsAsPyosmium(Reference.geodata("osm/monaco-2012.osm.gz"), minimum: 19)
    }

    @Test func bzip2CompressedXMLMatchesPyosmium() throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let compressed = directory.appendingPathComponent("beijing-cau.osm.bz2")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sh", "-c", "bzip2 -c \"$0\" > \"$1\"", Reference.geodata("osm/beijing-cau.osm").path, compressed.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        try expectSameChannelsAsPyosmium(compressed, minimum: 20)
    }

    @Test func chineseNamesSurviveTheStoreAndIdsAreStableAcrossReimports() async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try await PointRegistry(store: SpatiaLiteStore(path: directory.appendingPathComponent("s.sqlite").path))
        let file = Reference.geodata("osm/beijing-haidian.osm")
        let first = try await importer().importFile(file, into: registry)
        #expect(first.inserted == first.points && first.updated == 0)
        let second = try await importer().importFile(file, into: registry)
        #expect(second.inserted == 0 && second.updated == first.points && second.removed == 0)
        let bank = try await #require(try registry.store.point(id: "osm:n1747551888"))
        #expect(bank.name == "中国农业银行")
        #expect(bank.kind == .bankBranch)
        // A later import of another file replaces the OSM channels but keeps points from other sources.
        try await registry.apply(PointChange(upserts: [PaymentPoint(id: "hall-1", name: "海淀营业厅", kind: .hall, source: "csv",
                                                              location: Coordinate(latitude: 39.98, longitude: 116.31))]))
        let monaco = try await importer().importFile(Reference.geodata("osm/monaco.osm.pbf"), into: registry)
        #expect(monaco.removed == first.points)
        #expect(try await registry.store.loadPoints().count == monaco.points + 1)
        #expect(registry.index.count == monaco.points + 1)
    }

    @Test func closedWaysBecomePointsAtTheirAreaCentroid() {
        var extractor = OSMPointExtractor(mapping: ChannelMapping(rules: [
            .init(tag: "shop", values: ["supermarket"], kind: .agency, agencyType: .supermarket, services: [.cash], defaultName: "Supermarket"),
        ]))
        let corners = [(1, 23.0, 113.0), (2, 23.0, 113.002), (3, 23.001, 113.002), (4, 23.001, 113.0)]
        var positions = NodePositions()
        for (id, lat, lon) in corners {
            extractor.add(OSMNode(id: Int64(id), coordinate: Coordinate(latitude: lat, longitude: lon), tags: [:]))
            positions.add(Int64(id), Coordinate(latitude: lat, longitude: lon))
        }
        extractor.add(OSMNode(id: 5, coordinate: Coordinate(latitude: 23.0005, longitude: 113.001), tags: ["shop": "bakery"]))
        extractor.add(OSMWay(id: 9, nodeIDs: [1, 2, 3, 4, 1], tags: ["shop": "supermarket", "name": "华润万家"]), positions: positions)
        extractor.add(OSMWay(id: 10, nodeIDs: [77, 78], tags: ["shop": "supermarket"]), positions: positions)
        #expect(extractor.points.count == 1)
        let market = extractor.points[0]
        #expect(market.id == "osm:w9" && market.name == "华润万家" && market.agencyType == .supermarket)
        #expect(abs(market.location.latitude - 23.0005) < 1e-9 && abs(market.location.longitude - 113.001) < 1e-9)
        #expect(extractor.skippedWays == 1)
    }

    @Test func unreadableFilesGiveClearErrorsAndChangeNothing() async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try await PointRegistry(store: SpatiaLiteStore(path: directory.appendingPathComponent("s.sqlite").path))
        _ = try await importer().importFile(Reference.geodata("osm/monaco.osm.pbf"), into: registry)
        let before = try await registry.store.loadPoints()

        let corruptGzip = directory.appendingPathComponent("bad.osm.gz")
        try Data("not gzip at all".utf8).write(to: corruptGzip)
        let truncatedXML = directory.appendingPathComponent("cut.osm")
        try Data("<?xml version='1.0'?><osm version='0.6'><node id='1' lat='1' lon='1'><tag k='amenity' v='bank'/>".utf8).write(to: truncatedXML)
        let wrongSuffix = directory.appendingPathComponent("points.txt")
        try Data("x".utf8).write(to: wrongSuffix)
        let truncatedPBF = directory.appendingPathComponent("cut.osm.pbf")
        try Data(contentsOf: Reference.geodata("osm/monaco.osm.pbf")).prefix(100_000).write(to: truncatedPBF)
        let truncated = await #expect(throws: InputError.self) { try await importer().importFile(truncatedPBF, into: registry) }
        #expect(truncated?.message.hasSuffix("the file ends in the middle of a block (truncated?)") == true)
        for file in [corruptGzip, truncatedXML, wrongSuffix, directory.appendingPathComponent("missing.osm.pbf")] {
            await #expect(throws: InputError.self, "\(file.lastPathComponent)") { try await importer().importFile(file, into: registry) }
        }
        #expect(try await registry.store.loadPoints() == before)
    }

    @Test func filesOverTheLimitsAreRefusedBeforeAnythingIsWritten() async throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try await PointRegistry(store: SpatiaLiteStore(path: directory.appendingPathComponent("s.sqlite").path))
        let monaco = Reference.geodata("osm/monaco.osm.pbf")
        _ = try await importer().importFile(monaco, into: registry)
        let before = try await registry.store.loadPoints()
        let mapping = try ChannelMapping(contentsOf: Self.mappingURL)

        let fewElements = OSMImporter(mapping: mapping, limits: ImportLimits(maxFileBytes: 1 << 30, maxFeatures: 1_000))
        let tooMany = await #expect(throws: InputError.self) { try await fewElements.importFile(monaco, into: registry) }
        #expect(tooMany?.message == "more than 1000 nodes and ways, the limit (raise it with --max-features)")

        let smallFiles = OSMImporter(mapping: mapping, limits: ImportLimits(maxFileBytes: 100_000, maxFeatures: 1_000_000))
        let tooLarge = await #expect(throws: InputError.self) { try await smallFiles.importFile(monaco, into: registry) }
        #expect(tooLarge?.message.hasPrefix("the file is larger than the limit of 100000 bytes") == true)

        // 20 MiB of zeros gzip to about 20 KiB: under the file limit, over it once decompressed.
        let bomb = directory.appendingPathComponent("zeros.osm.gz")
        _ = try await ExternalProgram.run("/bin/sh", ["-c", "head -c 20971520 /dev/zero | gzip -c > '\(bomb.path)'"])
        let decompressed = await #expect(throws: InputError.self) { try await smallFiles.importFile(bomb, into: registry) }
        #expect(decompressed?.message.hasPrefix("the decompressed data is larger than the limit") == true)

        #expect(try await registry.store.loadPoints() == before)
    }
}
