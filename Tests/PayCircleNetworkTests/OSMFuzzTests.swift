import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCircleTestSupport
import Testing

/// Property-based fuzzing of the OSM reader (readosm underneath) and the extractors: mutated OSM XML and
/// PBF either read into channels and a network that hold their invariants or fail with an ``InputError``;
/// nothing crashes. `PAYCIRCLE_FUZZ_CASES` and `PAYCIRCLE_FUZZ_SEED` make longer runs.
@Suite struct OSMFuzzTests {
    static let xml = """
        <?xml version='1.0' encoding='UTF-8'?>
        <osm version="0.6" generator="paycircle-test">
         <node id="1" lat="23.0200" lon="113.7500" version="1"><tag k="amenity" v="bank"/><tag k="name" v="中国银行"/><tag k="opening_hours" v="Mo-Fr 09:00-17:00"/></node>
         <node id="2" lat="23.0210" lon="113.7510" version="1"/>
         <node id="3" lat="23.0220" lon="113.7500" version="1"><tag k="amenity" v="post_office"/></node>
         <node id="4" lat="23.0205" lon="113.7490" version="1"/>
         <node id="5" lat="23.0215" lon="113.7480" version="1"><tag k="shop" v="convenience"/><tag k="name" v="美宜佳"/></node>
         <way id="10" version="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="footway"/><tag k="name" v="鸿福路"/></way>
         <way id="11" version="1"><nd ref="3"/><nd ref="4"/><nd ref="1"/><tag k="highway" v="steps"/></way>
         <way id="12" version="1"><nd ref="2"/><nd ref="4"/><nd ref="5"/><nd ref="2"/><tag k="building" v="residential"/></way>
        </osm>

        """

    static func mapping() throws -> ChannelMapping {
        try ChannelMapping(contentsOf: Reference.repositoryRoot.appendingPathComponent("GeoData/channels.json"))
    }

    static func expectSound(_ extract: OSMImporter.Extract) {
        for point in extract.points.points {
            #expect(point.location.isValid && !point.id.isEmpty, "\(point.id)")
        }
        let network = extract.network.network
        #expect(network.nodes.allSatisfy { $0.coordinate.isValid })
        for edge in network.edges {
            #expect(network.nodes.indices.contains(Int(edge.source)) && network.nodes.indices.contains(Int(edge.target)))
            #expect(edge.length.isFinite && edge.length >= 0)
        }
    }

    @Test func mutatedXMLAndPBFReadOrFailClearly() throws {
        let directory = try Reference.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let xmlFile = directory.appendingPathComponent("seed.osm")
        try Data(Self.xml.utf8).write(to: xmlFile)
        let pbfFile = directory.appendingPathComponent("seed.osm.pbf")
        _ = try Reference.python("osm_to_pbf.py", arguments: [xmlFile.path, pbfFile.path])
        // Uncompressed blocks, so that mutations reach readosm's protobuf decoding rather than zlib.
        let rawPBFFile = directory.appendingPathComponent("seed-raw.osm.pbf")
        _ = try Reference.python("osm_to_pbf.py", arguments: [xmlFile.path, rawPBFFile.path, "raw"])
        let importer = OSMImporter(mapping: try Self.mapping())

        let seeds = try [xmlFile, pbfFile, rawPBFFile].map { file in
            // The seeds themselves read cleanly.
            let extract = try importer.extract(from: file)
            #expect(extract.points.points.count == 3 && extract.network.network.edges.count == 4, "\(file.lastPathComponent)")
            return (bytes: Array(try Data(contentsOf: file)), name: file.lastPathComponent.replacingOccurrences(of: "seed", with: "case"))
        }

        var mutator = Mutator(seed: FuzzTally.seed)
        var tallies = seeds.map { FuzzTally(target: "OSM \($0.name)") }
        for index in 0..<FuzzTally.cases(standard: 1_500) {
            let (bytes, name) = seeds[index % seeds.count]
            let file = directory.appendingPathComponent(name)
            try Data(mutator.mutate(bytes)).write(to: file)
            do throws(InputError) {
                Self.expectSound(try importer.extract(from: file))
                tallies[index % seeds.count].accept()
            } catch {
                #expect(!error.message.isEmpty)
                tallies[index % seeds.count].reject(error.message)
            }
        }
        for tally in tallies {
            print(tally)
        }
    }
}
