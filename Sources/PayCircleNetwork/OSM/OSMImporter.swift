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

        enum CodingKeys: String, CodingKey {
            case file, points, inserted, updated, removed
            case byKind = "by_kind", skippedWays = "skipped_ways"
        }
    }

    public let mapping: ChannelMapping
    public let timeZone: String

    public init(mapping: ChannelMapping, timeZone: String = PaymentPoint.defaultTimeZone) {
        self.mapping = mapping
        self.timeZone = timeZone
    }

    /// Reads the channels of `url` without writing anything.
    public func extractPoints(from url: URL) throws(InputError) -> OSMPointExtractor {
        var extractor = OSMPointExtractor(mapping: mapping, timeZone: timeZone)
        try OSMFileReader(url: url).read(node: { extractor.add($0) }, way: { extractor.add($0) })
        return extractor
    }

    public func importFile(_ url: URL, into registry: PointRegistry) throws -> Summary {
        let extractor = try extractPoints(from: url)
        let change = PointChange(upserts: extractor.points, replace: .source(OSMPointExtractor.source))
        let written = try registry.apply(change)
        return Summary(
            file: url.path, points: extractor.points.count,
            byKind: Dictionary(grouping: extractor.points, by: \.kind.rawValue).mapValues(\.count),
            inserted: written.inserted, updated: written.updated, removed: written.deleted,
            skippedWays: extractor.skippedWays
        )
    }
}
