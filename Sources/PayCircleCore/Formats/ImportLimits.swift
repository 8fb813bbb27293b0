import Foundation

/// Upper bounds on one import: how large the file may be (for compressed OSM files, also once
/// decompressed) and how many records, features or OSM elements it may hold. Going over either ends the
/// import with an ``InputError`` that names the limit, before anything is written.
///
/// ```swift
/// var limits = ImportLimits.pointFiles
/// limits.maxFeatures = 50_000
/// let points = try PointFileReader.read(contentsOf: url, limits: limits)
/// ```
public struct ImportLimits: Sendable, Hashable {
    /// The largest file accepted, in bytes.
    public var maxFileBytes: Int64
    /// The most records (CSV rows, GeoJSON features, OSM nodes and ways) accepted.
    public var maxFeatures: Int

    public init(maxFileBytes: Int64, maxFeatures: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxFeatures = maxFeatures
    }

    /// Point files (CSV, GeoJSON): 256 MiB and a million points.
    public static let pointFiles = ImportLimits(maxFileBytes: 256 << 20, maxFeatures: 1_000_000)
    /// Population area files: 256 MiB and 100,000 areas.
    public static let areaFiles = ImportLimits(maxFileBytes: 256 << 20, maxFeatures: 100_000)
    /// OSM files: 8 GiB (also the most a compressed file may decompress to) and 400 million nodes and ways,
    /// about a large country.
    public static let osmFiles = ImportLimits(maxFileBytes: 8 << 30, maxFeatures: 400_000_000)

    /// Throws when the file at `url` is larger than ``maxFileBytes``.
    public func checkSize(of url: URL) throws(InputError) {
        let size: Int64
        do {
            size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
        } catch {
            throw InputError("cannot read the file: \(error.localizedDescription)", source: url.path)
        }
        try checkSize(size, of: "the file", source: url.path)
    }

    /// Throws when `bytes` is more than ``maxFileBytes``; `what` names what has that size.
    public func checkSize(_ bytes: Int64, of what: String, source: String? = nil) throws(InputError) {
        guard bytes > maxFileBytes else { return }
        throw InputError("\(what) is larger than the limit of \(Self.describe(bytes: maxFileBytes)) (raise it with --max-file-mib)", source: source)
    }

    /// Throws when `count` is more than ``maxFeatures``; `noun` names what is counted.
    public func checkCount(_ count: Int, of noun: String, source: String? = nil) throws(InputError) {
        guard count > maxFeatures else { return }
        throw InputError("more than \(maxFeatures) \(noun), the limit (raise it with --max-features)", source: source)
    }

    static func describe(bytes: Int64) -> String {
        if bytes >= 1 << 30 && bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        return "\(bytes) bytes"
    }
}
