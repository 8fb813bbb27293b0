import Foundation
import PayCircleCore

/// Reads the nodes and ways of an OSM XML file: `<node id lat lon>` and `<way id>` with their `<tag k v>`
/// and `<nd ref>` children, under an `<osm>` root; relations and everything else are skipped. The text
/// must be UTF-8 and well-formed XML, and the attributes that are used must be there and be numbers where
/// numbers belong; the first problem ends the read with an ``InputError`` naming its line.
///
/// ```swift
/// try OSMXMLReader(url: file).read(node: { print($0.id) }, way: { print($0.nodeIDs) })
/// ```
struct OSMXMLReader {
    let url: URL

    func read(node: (OSMNode) throws(InputError) -> Void, way: (OSMWay) throws(InputError) -> Void) throws(InputError) {
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw InputError("cannot read the file: \(error.localizedDescription)")
        }
        try data.withByteBuffer { (buffer: UnsafeRawBufferPointer) throws(InputError) in
            if let line = UTF8Check.firstInvalidLine(in: buffer) {
                throw InputError("the text is not valid UTF-8", line: line)
            }
            var tokenizer = XMLTokenizer(buffer)
            var element = Element.none
            var depth = 0
            while let token = try tokenizer.next() {
                do throws(InputError) {
                    switch token {
                    case .start(let name, let attributes, let isEmpty):
                        if depth == 0 && name != "osm" { throw InputError("the root element is <\(name)>, not <osm>") }
                        if depth == 1 { element = try Element(name, attributes) } else if depth == 2 { try element.add(name, attributes) }
                        if isEmpty { try element.finish(depth: depth, node: node, way: way) } else { depth += 1 }
                    case .end:
                        depth -= 1
                        try element.finish(depth: depth, node: node, way: way)
                    }
                } catch {
                    throw error.located(line: error.line ?? tokenizer.line(at: tokenizer.position))
                }
            }
        }
    }

    /// The node or way being read, between its start and end tags.
    private enum Element {
        case none
        case node(OSMNode)
        case way(OSMWay)

        init(_ name: String, _ attributes: [String: String]) throws(InputError) {
            switch name {
            case "node":
                let coordinate = Coordinate(latitude: try Self.number(attributes, "lat", of: name), longitude: try Self.number(attributes, "lon", of: name))
                self = .node(OSMNode(id: try Self.integer(attributes, "id", of: name), coordinate: coordinate, tags: [:]))
            case "way": self = .way(OSMWay(id: try Self.integer(attributes, "id", of: name), nodeIDs: [], tags: [:]))
            default: self = .none
            }
        }

        mutating func add(_ name: String, _ attributes: [String: String]) throws(InputError) {
            switch (self, name) {
            case (.node(var node), "tag"):
                node.tags[try Self.text(attributes, "k", of: name)] = try Self.text(attributes, "v", of: name)
                self = .node(node)
            case (.way(var way), "tag"):
                way.tags[try Self.text(attributes, "k", of: name)] = try Self.text(attributes, "v", of: name)
                self = .way(way)
            case (.way(var way), "nd"):
                way.nodeIDs.append(try Self.integer(attributes, "ref", of: name))
                self = .way(way)
            default: break
            }
        }

        /// Hands a node or way to its callback when the element at `depth` 1 has ended.
        mutating func finish(depth: Int, node: (OSMNode) throws(InputError) -> Void, way: (OSMWay) throws(InputError) -> Void) throws(InputError) {
            guard depth == 1 else { return }
            let finished = self
            self = .none
            switch finished {
            case .node(let read): try node(read)
            case .way(let read): try way(read)
            case .none: break
            }
        }

        static func text(_ attributes: [String: String], _ key: String, of element: String) throws(InputError) -> String {
            guard let value = attributes[key] else { throw InputError("<\(element)> without its '\(key)' attribute") }
            return value
        }

        static func integer(_ attributes: [String: String], _ key: String, of element: String) throws(InputError) -> Int64 {
            let value = try text(attributes, key, of: element)
            guard let integer = Int64(value) else { throw InputError("<\(element)> \(key)='\(value)' is not an integer") }
            return integer
        }

        static func number(_ attributes: [String: String], _ key: String, of element: String) throws(InputError) -> Double {
            let value = try text(attributes, key, of: element)
            guard let number = Double(value), number.isFinite, !value.contains(where: { $0 == "x" || $0 == "X" }) else {
                throw InputError("<\(element)> \(key)='\(value)' is not a number")
            }
            return number
        }
    }
}
