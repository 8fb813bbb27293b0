import Foundation
import PayCircleCore
import PayCircleStore

/// `paycircle import osm`: reads an OSM file and writes its payment channels into the registry in one
/// transaction, replacing the points of earlier OSM imports.
public struct OSMImporter {
    public struct Summary: Sendable, Codable {
        public var file: String
        public var points: Int
        public var byKind: [String: Int]
        public var inserted: Int
        public var updated: Int
        public var removed: Int
        public var skippedWays: Int
        public var networkNodes: Int
        public var networkEdges: Int
        public var residentialBuildings: Int
        public var candidateSites: Int

        enum CodingKeys: String, CodingKey {
            case file, points, inserted, updated, removed
            case byKind = "by_kind", skippedWays = "skipped_ways"
            case networkNodes = "network_nodes", networkEdges = "network_edges"
            case residentialBuildings = "residential_buildings", candidateSites = "candidate_sites"
        }
    }

    public let mapping: ChannelMapping
    public let timeZone: String
    public let limits: ImportLimits

    public init(mapping: ChannelMapping, timeZone: String = PaymentPoint.defaultTimeZone, limits: ImportLimits = .osmFiles) {
        self.mapping = mapping
        self.timeZone = timeZone
        self.limits = limits
    }

    /// Reads the channels of `url` without writing anything.
    public func extractPoints(from url: URL) throws(InputError) -> OSMPointExtractor {
        try extract(from: url).points
    }

    /// How far the reading of a file has come.
    public struct Progress: Sendable {
        public var nodes = 0
        public var ways = 0
    }

    /// What one pass over an OSM file collects.
    public struct Extract {
        /// Channels and candidate sites.
        public var points: OSMPointExtractor
        /// The walking network.
        public var network: WalkingNetworkExtractor
        /// Residential buildings.
        public var buildings: ResidentialBuildingExtractor
    }

    /// Reads the channels, candidate sites, walking network and residential buildings of `url` in one
    /// pass, without writing anything; `progress` is called every 65,536 elements.
    public func extract(from url: URL, progress: ((Progress) -> Void)? = nil) throws(InputError) -> Extract {
        var points = OSMPointExtractor(mapping: mapping, timeZone: timeZone)
        var network = WalkingNetworkExtractor()
        var buildings = ResidentialBuildingExtractor()
        var positions = NodePositions()
        var read = Progress()
        try OSMFileReader(url: url, limits: limits).read(
            node: {
                positions.add($0.id, $0.coordinate)
                points.add($0)
                read.nodes += 1
                if read.nodes & 0xFFFF == 0 { progress?(read) }
            },
            way: {
                points.add($0, positions: positions)
                network.add($0, positions: positions)
                buildings.add($0, positions: positions)
                read.ways += 1
                if read.ways & 0xFFFF == 0 { progress?(read) }
            }
        )
        progress?(read)
        return Extract(points: points, network: network, buildings: buildings)
    }

    /// Imports channels, walking network, residential buildings and candidate sites in one transaction,
    /// replacing those of earlier OSM imports.
    public func importFile(_ url: URL, into registry: PointRegistry, progress: ((Progress) -> Void)? = nil) async throws -> Summary {
        // The read is long and synchronous (and waits on the blocks read ahead): off the cooperative threads.
        let read = try await withTaskExecutorPreference(HeavyWorkExecutor()) { try extract(from: url, progress: progress) }
        let (extractor, network, buildings) = (read.points, read.network, read.buildings)
        let change = PointChange(upserts: extractor.points, replace: .source(OSMPointExtractor.source))
        let written = try await registry.apply(change, layers: OSMLayers(network: network.network, buildings: buildings.buildings, candidates: extractor.candidates))
        return Summary(
            file: url.path, points: extractor.points.count,
            byKind: Dictionary(grouping: extractor.points, by: \.kind.rawValue).mapValues(\.count),
            inserted: written.inserted, updated: written.updated, removed: written.deleted,
            skippedWays: extractor.skippedWays, networkNodes: network.network.nodes.count,
            networkEdges: network.network.edges.count, residentialBuildings: buildings.buildings.count,
            candidateSites: extractor.candidates.count
        )
    }
}
