import PayCircleCore

/// Reads protobuf wire format from a byte buffer, checking every varint and length against the bytes
/// there are: a malformed message ends in an ``InputError``, never in a read past the buffer.
///
/// ```swift
/// var reader = ProtobufReader(bytes)
/// while let field = try reader.nextField() {
///     if field.number == 1, field.wireType == .lengthDelimited { name = try reader.bytes() } else { try reader.skip(field) }
/// }
/// ```
struct ProtobufReader {
    enum WireType: UInt64 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5
    }

    struct Field {
        let number: UInt64
        let wireType: WireType
    }

    private let buffer: UnsafeRawBufferPointer
    private var offset = 0

    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    var isAtEnd: Bool { offset >= buffer.count }

    static func malformed(_ what: String) -> InputError { InputError("the PBF data is malformed: \(what)") }

    /// The next field's key, or nil at the end of the message.
    mutating func nextField() throws(InputError) -> Field? {
        guard !isAtEnd else { return nil }
        let key = try varint()
        guard let wireType = WireType(rawValue: key & 7), key >> 3 > 0 else {
            throw Self.malformed("a field with wire type \(key & 7) or number 0")
        }
        return Field(number: key >> 3, wireType: wireType)
    }

    mutating func varint() throws(InputError) -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: 0 as UInt64, to: 70, by: 7) {
            guard offset < buffer.count else { throw Self.malformed("a number runs past the end of its message") }
            let byte = buffer[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
        }
        throw Self.malformed("a number longer than ten bytes")
    }

    mutating func signedVarint() throws(InputError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// The bytes of a length-delimited field, which stay valid as long as the buffer does.
    mutating func bytes() throws(InputError) -> UnsafeRawBufferPointer {
        let length = try varint()
        guard length <= UInt64(buffer.count - offset) else { throw Self.malformed("a length runs past the end of its message") }
        let slice = UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + Int(length)])
        offset += Int(length)
        return slice
    }

    /// A length-delimited field read as a nested message.
    mutating func message() throws(InputError) -> ProtobufReader { ProtobufReader(try bytes()) }

    mutating func skip(_ field: Field) throws(InputError) {
        switch field.wireType {
        case .varint: _ = try varint()
        case .lengthDelimited: _ = try bytes()
        case .fixed64, .fixed32:
            let size = field.wireType == .fixed64 ? 8 : 4
            guard size <= buffer.count - offset else { throw Self.malformed("a fixed-size number runs past the end of its message") }
            offset += size
        }
    }

    /// The values of a repeated varint field, packed or not, appended to `values`.
    mutating func appendVarints(of field: Field, to values: inout [UInt64]) throws(InputError) {
        switch field.wireType {
        case .varint: values.append(try varint())
        case .lengthDelimited:
            var packed = try message()
            while !packed.isAtEnd { values.append(try packed.varint()) }
        default: throw Self.malformed("field \(field.number) should hold numbers")
        }
    }

    /// The values of a repeated zigzag-encoded field (sint32, sint64), packed or not, appended to `values`.
    mutating func appendSignedVarints(of field: Field, to values: inout [Int64]) throws(InputError) {
        switch field.wireType {
        case .varint: values.append(try signedVarint())
        case .lengthDelimited:
            var packed = try message()
            while !packed.isAtEnd { values.append(try packed.signedVarint()) }
        default: throw Self.malformed("field \(field.number) should hold numbers")
        }
    }
}
