import CCompression
import Foundation
import PayCircleCore

/// Reads the nodes and ways of an OpenStreetMap PBF file: the sequence of blob headers and blobs, raw or
/// zlib-compressed, the header block's required features, and each data block through
/// ``PBFPrimitiveBlock``. Sizes follow the format's own bounds (headers up to 64 KiB, blocks up to 32 MiB);
/// a truncated, damaged or hostile file ends in an ``InputError`` naming the block, never a crash.
///
/// ```swift
/// try PBFFileReader(url: file).read(node: { print($0.id) }, way: { print($0.nodeIDs) })
/// ```
struct PBFFileReader {
    static let maxHeaderBytes = 64 << 10
    static let maxBlockBytes = 32 << 20
    static let supportedFeatures: Set<String> = ["OsmSchema-V0.6", "DenseNodes"]

    let url: URL

    func read(node: (OSMNode) throws(InputError) -> Void, way: (OSMWay) throws(InputError) -> Void) throws(InputError) {
        let file: FileHandle
        do { file = try FileHandle(forReadingFrom: url) } catch {
            throw InputError("cannot open the file: \(error.localizedDescription)")
        }
        // Blocks are read and inflated a couple ahead, on a thread of their own, while this one decodes.
        let blocks = PBFBlockReadAhead(capacity: 2) { put in
            defer { try? file.close() }
            var number = 0
            while true {
                number += 1
                do throws(InputError) {
                    guard let headerSize = try readBytes(4, from: file, allowingEnd: true) else { return }
                    let headerLength = headerSize.reduce(0) { $0 << 8 | Int($1) }
                    guard headerLength <= Self.maxHeaderBytes else { throw ProtobufReader.malformed("a block header of \(headerLength) bytes") }
                    let (type, dataSize) = try blobHeader(try readBytes(headerLength, from: file))
                    guard (0...Self.maxBlockBytes).contains(dataSize) else { throw ProtobufReader.malformed("a block of \(dataSize) bytes") }
                    guard put(.block(number: number, type: type, data: try blobData(try readBytes(dataSize, from: file)))) else { return }
                } catch {
                    _ = put(.failure(number: number, error))
                    return
                }
            }
        }
        defer { blocks.finish() }
        // Errors of the callbacks pass through as they are; the reader's own name the block.
        var callbackError: InputError?
        func deliver(_ read: OSMNode) throws(InputError) {
            do throws(InputError) { try node(read) } catch { callbackError = error; throw error }
        }
        func deliver(_ read: OSMWay) throws(InputError) {
            do throws(InputError) { try way(read) } catch { callbackError = error; throw error }
        }
        while let item = blocks.next() {
            switch item {
            case .failure(let number, let error):
                throw InputError("block \(number): \(error.message)")
            case .block(let number, let type, let data):
                do throws(InputError) {
                    try data.withByteBuffer { (bytes: UnsafeRawBufferPointer) throws(InputError) in
                        switch type {
                        case "OSMHeader": try checkFeatures(bytes)
                        case "OSMData": try PBFPrimitiveBlock(bytes).decode(node: deliver, way: deliver)
                        default: break  // Unknown block types are skipped, as the format asks.
                        }
                    }
                } catch {
                    throw callbackError ?? InputError("block \(number): \(error.message)")
                }
            }
        }
    }

    /// Exactly `count` bytes, or nil at a clean end of file when `allowingEnd`.
    private func readBytes(_ count: Int, from file: FileHandle, allowingEnd: Bool = false) throws(InputError) -> [UInt8]? {
        let data: Data
        do { data = try file.read(upToCount: count) ?? Data() } catch {
            throw InputError("cannot read the file: \(error.localizedDescription)")
        }
        if data.isEmpty && allowingEnd { return nil }
        guard data.count == count else { throw InputError("the file ends in the middle of a block (truncated?)") }
        return [UInt8](data)
    }

    private func readBytes(_ count: Int, from file: FileHandle) throws(InputError) -> [UInt8] {
        guard let bytes = try readBytes(count, from: file, allowingEnd: false) else { return [] }
        return bytes
    }

    private func blobHeader(_ bytes: [UInt8]) throws(InputError) -> (type: String, dataSize: Int) {
        try bytes.withByteBuffer { (buffer: UnsafeRawBufferPointer) throws(InputError) in
            var reader = ProtobufReader(buffer)
            var type: String?
            var dataSize: Int?
            while let field = try reader.nextField() {
                switch (field.number, field.wireType) {
                case (1, .lengthDelimited): type = String(decoding: try reader.bytes(), as: UTF8.self)
                case (3, .varint): dataSize = Int(Int32(truncatingIfNeeded: try reader.varint()))
                default: try reader.skip(field)
                }
            }
            guard let type, let dataSize else { throw ProtobufReader.malformed("a block header without its type or size") }
            return (type, dataSize)
        }
    }

    /// The uncompressed contents of a blob.
    private func blobData(_ bytes: [UInt8]) throws(InputError) -> [UInt8] {
        try bytes.withByteBuffer { (buffer: UnsafeRawBufferPointer) throws(InputError) in
            var reader = ProtobufReader(buffer)
            var raw: [UInt8]?
            var compressed: [UInt8]?
            var rawSize: Int?
            while let field = try reader.nextField() {
                switch (field.number, field.wireType) {
                case (1, .lengthDelimited): raw = Array(try reader.bytes())
                case (2, .varint): rawSize = Int(Int32(truncatingIfNeeded: try reader.varint()))
                case (3, .lengthDelimited): compressed = Array(try reader.bytes())
                case (4...7, .lengthDelimited):
                    throw InputError("a block compressed with \(["lzma", "bzip2", "lz4", "zstd"][Int(field.number) - 4]), which is not supported (convert the file with zlib compression)")
                default: try reader.skip(field)
                }
            }
            if let raw { return raw }
            guard let compressed, let rawSize else { throw ProtobufReader.malformed("a block without data") }
            return try inflate(compressed, to: rawSize)
        }
    }

    private func inflate(_ compressed: [UInt8], to size: Int) throws(InputError) -> [UInt8] {
        guard (0...Self.maxBlockBytes).contains(size) else { throw ProtobufReader.malformed("a block that inflates to \(size) bytes") }
        var output = [UInt8](repeating: 0, count: size)
        var length = uLongf(size)
        let status = output.withUnsafeMutableBytes { target in
            compressed.withUnsafeBytes { source in
                uncompress(target.baseAddress?.assumingMemoryBound(to: Bytef.self), &length,
                           source.baseAddress?.assumingMemoryBound(to: Bytef.self), uLong(source.count))
            }
        }
        guard status == Z_OK, length == uLongf(size) else {
            throw InputError("a corrupt compressed block (zlib status \(status), \(length) of \(size) bytes)")
        }
        return output
    }

    private func checkFeatures(_ bytes: UnsafeRawBufferPointer) throws(InputError) {
        var reader = ProtobufReader(bytes)
        while let field = try reader.nextField() {
            guard field.number == 4, field.wireType == .lengthDelimited else {
                try reader.skip(field)
                continue
            }
            let feature = String(decoding: try reader.bytes(), as: UTF8.self)
            guard Self.supportedFeatures.contains(feature) else {
                throw InputError("the file requires the PBF feature '\(feature)', which is not supported")
            }
        }
    }
}
