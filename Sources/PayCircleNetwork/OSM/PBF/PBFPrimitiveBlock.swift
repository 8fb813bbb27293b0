import PayCircleCore

/// Decodes one `OSMData` block of a PBF file (a PrimitiveBlock) into nodes and ways: plain and dense
/// nodes, ways with their delta-coded node references, tags through the block's string table.
/// Relations and metadata are skipped. Every string index and every array length is checked.
struct PBFPrimitiveBlock {
    private var strings: [String] = []
    private var groups: [UnsafeRawBufferPointer] = []
    private var granularity = 100.0
    private var latitudeOffset = 0.0
    private var longitudeOffset = 0.0

    init(_ bytes: UnsafeRawBufferPointer) throws(InputError) {
        var reader = ProtobufReader(bytes)
        while let field = try reader.nextField() {
            switch (field.number, field.wireType) {
            case (1, .lengthDelimited):
                var table = try reader.message()
                while let entry = try table.nextField() {
                    if entry.number == 1, entry.wireType == .lengthDelimited {
                        strings.append(String(decoding: try table.bytes(), as: UTF8.self))
                    } else {
                        try table.skip(entry)
                    }
                }
            case (2, .lengthDelimited): groups.append(try reader.bytes())
            case (17, .varint): granularity = Double(Int32(truncatingIfNeeded: try reader.varint()))
            case (19, .varint): latitudeOffset = Double(Int64(bitPattern: try reader.varint()))
            case (20, .varint): longitudeOffset = Double(Int64(bitPattern: try reader.varint()))
            default: try reader.skip(field)
            }
        }
        guard granularity > 0 else { throw ProtobufReader.malformed("a block with granularity \(granularity)") }
    }

    /// Calls `node` and `way` for every node and way of the block, in block order.
    func decode(node: (OSMNode) throws(InputError) -> Void, way: (OSMWay) throws(InputError) -> Void) throws(InputError) {
        for group in groups {
            var reader = ProtobufReader(group)
            while let field = try reader.nextField() {
                switch (field.number, field.wireType) {
                case (1, .lengthDelimited): try node(plainNode(try reader.bytes()))
                case (2, .lengthDelimited): try denseNodes(try reader.bytes(), node)
                case (3, .lengthDelimited): try way(self.way(try reader.bytes()))
                default: try reader.skip(field)
                }
            }
        }
    }

    private func coordinate(latitude: Int64, longitude: Int64) -> Coordinate {
        Coordinate(latitude: (latitudeOffset + granularity * Double(latitude)) * 1e-9,
                   longitude: (longitudeOffset + granularity * Double(longitude)) * 1e-9)
    }

    private func string(_ index: UInt64) throws(InputError) -> String {
        guard index < UInt64(strings.count) else {
            throw ProtobufReader.malformed("string \(index) of a table of \(strings.count)")
        }
        return strings[Int(index)]
    }

    private func tags(keys: [UInt64], values: [UInt64]) throws(InputError) -> [String: String] {
        guard keys.count == values.count else { throw ProtobufReader.malformed("\(keys.count) tag keys with \(values.count) values") }
        var tags: [String: String] = [:]
        for (key, value) in zip(keys, values) { tags[try string(key)] = try string(value) }
        return tags
    }

    private func plainNode(_ bytes: UnsafeRawBufferPointer) throws(InputError) -> OSMNode {
        var reader = ProtobufReader(bytes)
        var (id, latitude, longitude): (Int64, Int64, Int64) = (0, 0, 0)
        var keys: [UInt64] = [], values: [UInt64] = []
        while let field = try reader.nextField() {
            switch (field.number, field.wireType) {
            case (1, .varint): id = try reader.signedVarint()
            case (2, _): try reader.appendVarints(of: field, to: &keys)
            case (3, _): try reader.appendVarints(of: field, to: &values)
            case (8, .varint): latitude = try reader.signedVarint()
            case (9, .varint): longitude = try reader.signedVarint()
            default: try reader.skip(field)
            }
        }
        return OSMNode(id: id, coordinate: coordinate(latitude: latitude, longitude: longitude), tags: try tags(keys: keys, values: values))
    }

    private func denseNodes(_ bytes: UnsafeRawBufferPointer, _ node: (OSMNode) throws(InputError) -> Void) throws(InputError) {
        var reader = ProtobufReader(bytes)
        var ids: [Int64] = [], latitudes: [Int64] = [], longitudes: [Int64] = []
        var keysAndValues: [UInt64] = []
        while let field = try reader.nextField() {
            switch field.number {
            case 1: try reader.appendSignedVarints(of: field, to: &ids)
            case 8: try reader.appendSignedVarints(of: field, to: &latitudes)
            case 9: try reader.appendSignedVarints(of: field, to: &longitudes)
            case 10: try reader.appendVarints(of: field, to: &keysAndValues)
            default: try reader.skip(field)
            }
        }
        guard latitudes.count == ids.count, longitudes.count == ids.count else {
            throw ProtobufReader.malformed("dense nodes with \(ids.count) ids, \(latitudes.count) latitudes and \(longitudes.count) longitudes")
        }
        var (id, latitude, longitude): (Int64, Int64, Int64) = (0, 0, 0)
        var tagIndex = 0
        for index in ids.indices {
            id &+= ids[index]
            latitude &+= latitudes[index]
            longitude &+= longitudes[index]
            var tags: [String: String] = [:]
            // Key and value indexes in pairs, each node's list ended by a 0 (absent when no node has tags).
            while tagIndex < keysAndValues.count {
                let key = keysAndValues[tagIndex]
                tagIndex += 1
                if key == 0 { break }
                guard tagIndex < keysAndValues.count else { throw ProtobufReader.malformed("a dense node's tag key without a value") }
                tags[try string(key)] = try string(keysAndValues[tagIndex])
                tagIndex += 1
            }
            try node(OSMNode(id: id, coordinate: coordinate(latitude: latitude, longitude: longitude), tags: tags))
        }
    }

    private func way(_ bytes: UnsafeRawBufferPointer) throws(InputError) -> OSMWay {
        var reader = ProtobufReader(bytes)
        var id: Int64 = 0
        var keys: [UInt64] = [], values: [UInt64] = []
        var references: [Int64] = []
        while let field = try reader.nextField() {
            switch (field.number, field.wireType) {
            case (1, .varint): id = Int64(bitPattern: try reader.varint())
            case (2, _): try reader.appendVarints(of: field, to: &keys)
            case (3, _): try reader.appendVarints(of: field, to: &values)
            case (8, _): try reader.appendSignedVarints(of: field, to: &references)
            default: try reader.skip(field)
            }
        }
        var nodeID: Int64 = 0
        for index in references.indices {
            nodeID &+= references[index]
            references[index] = nodeID
        }
        return OSMWay(id: id, nodeIDs: references, tags: try tags(keys: keys, values: values))
    }
}
