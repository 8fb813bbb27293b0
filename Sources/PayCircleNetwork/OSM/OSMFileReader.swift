import Foundation
import PayCircleCore

/// Streams the nodes and ways of an OpenStreetMap file.
///
/// Reads `.osm` (XML, through ``OSMXMLReader``) and `.osm.pbf` (through ``PBFFileReader``); `.osm.gz`,
/// `.osm.bz2` (and `.pbf.gz`/`.pbf.bz2`) are decompressed to a temporary file first, which is removed
/// afterwards. Relations are skipped. Both readers check every length, index and attribute they use, so a
/// damaged or hostile file ends in an ``InputError``, never a crash (readosm, which the project used
/// before, dereferences missing XML attributes and trusts PBF lengths). Files larger than `limits` allow,
/// with more nodes and ways, or with a node off the globe are refused.
///
/// ```swift
/// try OSMFileReader(url: file).read(node: { node in ... }, way: { way in ... })
/// ```
public struct OSMFileReader {
    public let url: URL
    public let limits: ImportLimits

    public init(url: URL, limits: ImportLimits = .osmFiles) {
        self.url = url
        self.limits = limits
    }

    /// Reads the whole file, calling `node` for every node and `way` for every way, in file order.
    public func read(node: (OSMNode) -> Void, way: (OSMWay) -> Void) throws(InputError) {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw InputError("no readable file at this path", source: url.path)
        }
        try limits.checkSize(of: url)
        let plain = try OSMDecompressor.plainFile(for: url, limits: limits)
        defer { if plain != url { try? FileManager.default.removeItem(at: plain) } }

        var elements = 0
        func count() throws(InputError) {
            elements += 1
            try limits.checkCount(elements, of: "nodes and ways")
        }
        func deliver(_ read: OSMNode) throws(InputError) {
            try count()
            guard read.coordinate.isValid else {
                throw InputError("node \(read.id) lies off the globe (\(read.coordinate.latitude), \(read.coordinate.longitude))")
            }
            node(read)
        }
        func deliver(_ read: OSMWay) throws(InputError) {
            try count()
            way(read)
        }
        do throws(InputError) {
            if plain.pathExtension.lowercased() == "pbf" {
                try PBFFileReader(url: plain).read(node: deliver, way: deliver)
            } else {
                try OSMXMLReader(url: plain).read(node: deliver, way: deliver)
            }
        } catch {
            throw error.located(source: url.path)
        }
    }
}
