import ArgumentParser
import Foundation
import PayCircleCore
import PayCircleEngine
import PayCircleNetwork
import PayCircleStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import payment points or OpenStreetMap data into the store (one transaction each).",
        subcommands: [ImportPointsCommand.self, ImportOSMCommand.self, ImportAreasCommand.self]
    )
}

struct ImportPointsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "points",
        abstract: "Upsert payment points by id from a CSV or GeoJSON file; nothing is imported if any row is invalid."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "A .csv file with a header row, or a .geojson FeatureCollection of Points.")
    var file: String
    @Option(help: "Coordinate system of the file: wgs84, gcj02 or bd09.")
    var crs: CoordinateSystem = .wgs84
    @Flag(help: "Remove every stored point first (in the same transaction).")
    var replace = false
    @OptionGroup var limits: ImportLimitOptions
    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func run() async throws {
        let points = try PointFileReader.read(contentsOf: URL(fileURLWithPath: file), crs: crs, limits: limits.limits(overriding: .pointFiles))
        let summary = try await store.openEngine(loading: []).importPoints(points, replace: replace)
        if format == .json {
            try printJSON(summary)
        } else {
            print("Imported \(points.count) points from \(file): \(summary.inserted) new, \(summary.updated) updated, \(summary.deleted) removed.")
        }
    }
}

struct ImportOSMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "osm",
        abstract: "Import the payment channels of an OpenStreetMap file (.osm, .osm.pbf, .osm.gz, .osm.bz2).",
        discussion: "Re-importing replaces the points of the previous OSM import; ids are osm:n<id> and osm:w<id>."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The OSM file.")
    var file: String
    @Option(help: "The channel mapping (default: GeoData/channels.json).")
    var channels: String?
    @Option(name: .customLong("time-zone"), help: "IANA time zone of the channels' opening hours.")
    var timeZone = PaymentPoint.defaultTimeZone
    @OptionGroup var limits: ImportLimitOptions
    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func run() async throws {
        guard let mappingURL = channels.map({ URL(fileURLWithPath: $0) }) ?? ChannelMapping.bundledFile() else {
            throw ValidationError("GeoData/channels.json was not found; name a mapping with --channels")
        }
        guard TimeZone(identifier: timeZone) != nil else {
            throw ValidationError("--time-zone: unknown time zone '\(timeZone)' (expected an IANA name such as Asia/Shanghai)")
        }
        let importer = OSMImporter(mapping: try ChannelMapping(contentsOf: mappingURL), timeZone: timeZone,
                                   limits: limits.limits(overriding: .osmFiles))
        let registry = try await store.openEngine(loading: []).registry
        let progress = ProgressLine()
        let summary = try await importer.importFile(URL(fileURLWithPath: file), into: registry) { read in
            progress.show("read \(read.nodes) nodes, \(read.ways) ways")
        }
        progress.finish()
        if format == .json {
            try printJSON(summary)
        } else {
            let kinds = summary.byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            print("Imported \(summary.points) channels from \(file) (\(kinds)): \(summary.inserted) new, \(summary.updated) updated, \(summary.removed) removed.")
            print("Walking network: \(summary.networkNodes) nodes, \(summary.networkEdges) edges.")
            print("Residential buildings: \(summary.residentialBuildings); candidate sites: \(summary.candidateSites).")
        }
    }
}

struct ImportAreasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "areas",
        abstract: "Replace the population areas with the Polygon/MultiPolygon features of a GeoJSON file."
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "A .geojson FeatureCollection of (Multi)Polygons with a population property.")
    var file: String
    @Option(name: .customLong("population-property"), help: "The property holding the number of people.")
    var populationProperty = "population"
    @Option(name: .customLong("name-property"), help: "The property holding the area's name.")
    var nameProperty = "name"
    @OptionGroup var limits: ImportLimitOptions
    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    struct Summary: Encodable {
        let file: String
        let areas: Int
        let population: Double
    }

    func run() async throws {
        let areas = try AreaFileReader.read(contentsOf: URL(fileURLWithPath: file), populationProperty: populationProperty, nameProperty: nameProperty,
                                            limits: limits.limits(overriding: .areaFiles))
        try await PayCircleEngine.importAreas(areas, into: store.openStore())
        let summary = Summary(file: file, areas: areas.count, population: areas.reduce(0) { $0 + $1.population })
        if format == .json {
            try printJSON(summary)
        } else {
            print("Imported \(summary.areas) areas from \(file) with a population of \(String(format: "%.0f", summary.population)).")
        }
    }
}

extension CoordinateSystem: ExpressibleByArgument {}
