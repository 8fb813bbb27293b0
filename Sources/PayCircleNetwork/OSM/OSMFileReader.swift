import CReadOSM
import Foundation
import PayCircleCore

/// Streams the nodes and ways of an OpenStreetMap file through readosm.
///
/// Reads `.osm` (XML) and `.osm.pbf`; `.osm.gz`, `.osm.bz2` (and `.pbf.gz`/`.pbf.bz2`) are decompressed to a
/// temporary file first, which is removed afterwards. XML is checked by ``OSMXMLValidator`` first. Relations
/// are skipped. Files larger than `limits`
/// allow, or with more nodes and ways, are refused with an ``InputError``.
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
        let decompressed = try OSMDecompressor.plainFile(for: url, limits: limits)
        defer { if decompressed != url { try? FileManager.default.removeItem(at: decompressed) } }
        if decompressed.pathExtension.lowercased() == "osm" {
            try OSMXMLValidator.validate(decompressed, source: url.path)
        }

        var handle: UnsafeRawPointer?
        let openStatus = readosm_open(decompressed.path, &handle)
        guard openStatus == READOSM_OK, let handle else {
            throw InputError("readosm cannot open the file (\(Self.describe(openStatus)))", source: url.path)
        }
        defer { readosm_close(handle) }
        try withoutActuallyEscaping(node) { node throws(InputError) in
            try withoutActuallyEscaping(way) { way throws(InputError) in
                let sink = Sink(node: node, way: way, maxElements: limits.maxFeatures)
                let status = withExtendedLifetime(sink) {
                    readosm_parse(handle, Unmanaged.passUnretained(sink).toOpaque(), Self.nodeCallback, Self.wayCallback, nil)
                }
                if sink.elements > sink.maxElements {
                    try limits.checkCount(sink.elements, of: "nodes and ways", source: url.path)
                }
                guard status == READOSM_OK else {
                    throw InputError("readosm stopped with \(Self.describe(status))", source: url.path)
                }
            }
        }
    }

    private final class Sink {
        let node: (OSMNode) -> Void
        let way: (OSMWay) -> Void
        let maxElements: Int
        var elements = 0

        init(node: @escaping (OSMNode) -> Void, way: @escaping (OSMWay) -> Void, maxElements: Int) {
            self.node = node
            self.way = way
            self.maxElements = maxElements
        }

        /// Counts one more element; false once there are more than the limit allows.
        func admit() -> Bool {
            elements += 1
            return elements <= maxElements
        }
    }

    private static let nodeCallback: readosm_node_callback = { context, pointer in
        guard let context, let raw = pointer?.pointee else { return READOSM_OK }
        let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
        guard sink.admit() else { return READOSM_ABORT }
        sink.node(OSMNode(id: raw.id, coordinate: Coordinate(latitude: raw.latitude, longitude: raw.longitude),
                          tags: tags(raw.tags, raw.tag_count)))
        return READOSM_OK
    }

    private static let wayCallback: readosm_way_callback = { context, pointer in
        guard let context, let raw = pointer?.pointee else { return READOSM_OK }
        let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
        guard sink.admit() else { return READOSM_ABORT }
        let refs = raw.node_refs.map { Array(UnsafeBufferPointer(start: $0, count: Int(raw.node_ref_count))) } ?? []
        sink.way(OSMWay(id: raw.id, nodeIDs: refs, tags: tags(raw.tags, raw.tag_count)))
        return READOSM_OK
    }

    private static func tags(_ pointer: UnsafePointer<readosm_tag>?, _ count: Int32) -> [String: String] {
        guard let pointer, count > 0 else { return [:] }
        var tags: [String: String] = [:]
        tags.reserveCapacity(Int(count))
        for tag in UnsafeBufferPointer(start: pointer, count: Int(count)) {
            guard let key = tag.key, let value = tag.value else { continue }
            tags[String(cString: key)] = String(cString: value)
        }
        return tags
    }

    private static func describe(_ status: Int32) -> String {
        switch status {
        case READOSM_INVALID_SUFFIX: "the name must end in .osm or .pbf"
        case READOSM_FILE_NOT_FOUND: "file not found"
        case READOSM_INSUFFICIENT_MEMORY: "out of memory"
        case READOSM_READ_ERROR: "a read error"
        case READOSM_XML_ERROR: "malformed OSM XML"
        case READOSM_INVALID_PBF_HEADER: "an invalid PBF header"
        case READOSM_UNZIP_ERROR: "a corrupt compressed PBF block"
        case READOSM_ABORT: "an abort"
        default: "error \(status)"
        }
    }
}
