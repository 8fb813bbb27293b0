import CCompression
import Foundation
import PayCircleCore

/// Turns gzip- or bzip2-compressed OSM files into plain temporary files that readosm can open.
enum OSMDecompressor {
    /// `url` itself when readosm reads it directly, otherwise a decompressed temporary copy within the file
    /// size of `limits` (a larger one is refused, so that a small compressed file cannot fill the disk).
    static func plainFile(for url: URL, limits: ImportLimits) throws(InputError) -> URL {
        let name = url.lastPathComponent.lowercased()
        let compression: String
        if name.hasSuffix(".gz") { compression = "gz" } else if name.hasSuffix(".bz2") { compression = "bz2" } else {
            guard name.hasSuffix(".osm") || name.hasSuffix(".pbf") else {
                throw InputError("unsupported OSM file type (expected .osm, .osm.pbf, .osm.gz or .osm.bz2)", source: url.path)
            }
            return url
        }
        let inner = url.deletingPathExtension().pathExtension.lowercased() == "pbf" ? "pbf" : "osm"
        let target = FileManager.default.temporaryDirectory
            .appendingPathComponent("paycircle-\(UUID().uuidString).\(inner)")
        guard FileManager.default.createFile(atPath: target.path, contents: nil),
              let output = FileHandle(forWritingAtPath: target.path) else {
            throw InputError("cannot create a temporary file at \(target.path)", source: url.path)
        }
        defer { try? output.close() }
        var written: Int64 = 0
        let sink = { (bytes: ArraySlice<UInt8>) throws(InputError) in
            written += Int64(bytes.count)
            try limits.checkSize(written, of: "the decompressed data", source: url.path)
            output.write(Data(bytes))
        }
        do {
            if compression == "gz" { try gunzip(url, into: sink) } else { try bunzip2(url, into: sink) }
        } catch {
            try? FileManager.default.removeItem(at: target)
            throw error
        }
        return target
    }

    private static func gunzip(_ url: URL, into output: (ArraySlice<UInt8>) throws(InputError) -> Void) throws(InputError) {
        guard let file = gzopen(url.path, "rb") else { throw InputError("cannot open the gzip file", source: url.path) }
        defer { gzclose(file) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if count < 0 { throw InputError("the gzip data is corrupt", source: url.path) }
            if count == 0 { break }
            try output(buffer[0..<Int(count)])
        }
    }

    private static func bunzip2(_ url: URL, into output: (ArraySlice<UInt8>) throws(InputError) -> Void) throws(InputError) {
        guard let input = fopen(url.path, "rb") else { throw InputError("cannot open the bzip2 file", source: url.path) }
        defer { fclose(input) }
        var status: Int32 = BZ_OK
        guard let stream = BZ2_bzReadOpen(&status, input, 0, 0, nil, 0), status == BZ_OK else {
            throw InputError("not a bzip2 file", source: url.path)
        }
        defer { var ignored: Int32 = 0; BZ2_bzReadClose(&ignored, stream) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while status == BZ_OK {
            let count = buffer.withUnsafeMutableBytes { BZ2_bzRead(&status, stream, $0.baseAddress, Int32($0.count)) }
            guard status == BZ_OK || status == BZ_STREAM_END else {
                throw InputError("the bzip2 data is corrupt", source: url.path)
            }
            if count > 0 { try output(buffer[0..<Int(count)]) }
        }
    }
}
