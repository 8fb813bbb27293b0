import ArgumentParser
import CReadOSM
import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCircleSpatiaLite
import PayCircleStore

/// The whole `import osm` (channels and walking network into a fresh store, one transaction) against
/// readosm reading the same file with empty callbacks, in the same run, and PayCircle's own reader
/// (`OSMFileReader`: the checked PBF decoder or the strict XML reader) with empty callbacks; OSM
/// nodes per second and peak memory.
struct ImportBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "OSM import vs readosm alone.")

    @Option(help: "The OSM file (.osm or .osm.pbf).") var osm: String
    @Option(help: "Store to import into (removed first).") var db = "/tmp/paycircle-bench-import.sqlite"
    @Option(help: "Runs of each; the fastest counts.") var runs = 3

    func run() async throws {
        let clock = ContinuousClock()
        var bare = Duration.seconds(1_000_000), reader = Duration.seconds(1_000_000), whole = Duration.seconds(1_000_000)
        var extract = Duration.seconds(1_000_000)
        var nodes = 0
        for _ in 0..<runs {
            bare = min(bare, try clock.measure { nodes = try Self.readWithEmptyCallbacks(osm) })
            reader = min(reader, try clock.measure { try OSMFileReader(url: URL(fileURLWithPath: osm)).read(node: { _ in }, way: { _ in }) })
        }
        var summary: OSMImporter.Summary?
        let mapping = try ChannelMapping(contentsOf: ChannelMapping.bundledFile() ?? URL(fileURLWithPath: "GeoData/channels.json"))
        for _ in 0..<runs {
            extract = min(extract, try clock.measure { _ = try OSMImporter(mapping: mapping).extract(from: URL(fileURLWithPath: osm)) })
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
            let registry = try await PointRegistry(store: SpatiaLiteStore(path: db))
            whole = min(whole, try await clock.measure { summary = try await OSMImporter(mapping: mapping).importFile(URL(fileURLWithPath: osm), into: registry) })
        }
        let seconds = { (d: Duration) in Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
        print("import of \(osm): \(nodes) OSM nodes, \(summary?.points ?? 0) channels, \(summary?.networkEdges ?? 0) network edges")
        print(String(format: "  readosm alone, empty callbacks   %.3f s", seconds(bare)))
        print(String(format: "  OSMFileReader, empty callbacks   %.3f s  (%.2fx readosm)", seconds(reader), seconds(reader) / seconds(bare)))
        print(String(format: "  extraction (channels, network, buildings; nothing written)  %.3f s", seconds(extract)))
        print(String(format: "  whole import into the store      %.3f s  (%.2fx readosm; %.0f OSM nodes/s)",
                     seconds(whole), seconds(whole) / seconds(bare), Double(nodes) / seconds(whole)))
        print("  peak resident memory             \(ProcessMemory.megabytes("VmHWM")) MB")
    }

    /// readosm's own parse of the file, with callbacks that only count nodes.
    static func readWithEmptyCallbacks(_ path: String) throws -> Int {
        var handle: UnsafeRawPointer?
        guard readosm_open(path, &handle) == READOSM_OK, let handle else { throw ValidationError("readosm cannot open \(path)") }
        defer { readosm_close(handle) }
        var count = 0
        let status = withUnsafeMutablePointer(to: &count) { counter in
            readosm_parse(handle, UnsafeRawPointer(counter), { context, _ in
                UnsafeMutableRawPointer(mutating: context!).assumingMemoryBound(to: Int.self).pointee += 1
                return READOSM_OK
            }, { _, _ in READOSM_OK }, { _, _ in READOSM_OK })
        }
        guard status == READOSM_OK else { throw ValidationError("readosm failed with \(status)") }
        return count
    }
}
