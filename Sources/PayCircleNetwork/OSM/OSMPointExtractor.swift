import Foundation
import PayCircleCore

/// Collects payment channels, and the shops that could become channels, from the stream of an OSM file:
/// tagged nodes where they are, tagged ways at their centroid (area-weighted for closed ways). Ids are
/// stable across imports: `osm:n<id>`, `osm:w<id>`.
public struct OSMPointExtractor {
    public static let source = "osm"

    public let mapping: ChannelMapping
    public let importedAt: Date
    /// The time zone the channels' opening hours are read in.
    public let timeZone: String
    public private(set) var points: [PaymentPoint] = []
    /// Features matching the mapping's candidate rules (whether or not they are channels too).
    public private(set) var candidates: [CandidateSite] = []
    /// Matching ways none of whose nodes were in the file.
    public private(set) var skippedWays = 0

    public init(mapping: ChannelMapping, timeZone: String = PaymentPoint.defaultTimeZone, importedAt: Date = Date()) {
        self.mapping = mapping
        self.timeZone = timeZone
        self.importedAt = importedAt
    }

    public mutating func add(_ node: OSMNode) {
        guard !node.tags.isEmpty, node.coordinate.isValid else { return }
        if let rule = mapping.rule(for: node.tags) {
            points.append(point(id: "osm:n\(node.id)", tags: node.tags, rule: rule, at: node.coordinate))
        }
        if mapping.isCandidate(node.tags) {
            candidates.append(CandidateSite(id: "osm:n\(node.id)", name: Self.name(node.tags) ?? "shop", location: node.coordinate))
        }
    }

    /// A way, placed by the positions of its nodes read earlier in the file.
    public mutating func add(_ way: OSMWay, positions: NodePositions) {
        let rule = mapping.rule(for: way.tags), isCandidate = mapping.isCandidate(way.tags)
        guard rule != nil || isCandidate else { return }
        let located = way.nodeIDs.compactMap { positions[$0] }
        guard let centre = Self.centroid(located), centre.isValid else { skippedWays += 1; return }
        if let rule { points.append(point(id: "osm:w\(way.id)", tags: way.tags, rule: rule, at: centre)) }
        if isCandidate { candidates.append(CandidateSite(id: "osm:w\(way.id)", name: Self.name(way.tags) ?? "shop", location: centre)) }
    }

    private static func name(_ tags: [String: String]) -> String? {
        tags["name"] ?? tags["name:zh"] ?? tags["brand"] ?? tags["operator"]
    }

    private func point(id: String, tags: [String: String], rule: ChannelMapping.Rule, at location: Coordinate) -> PaymentPoint {
        let name = Self.name(tags) ?? rule.defaultName
        let tagged = tags["opening_hours"].map(OpeningHours.init)
        let assumed = tagged == nil ? rule.untaggedHours.map(OpeningHours.init) : nil
        return PaymentPoint(
            id: id, name: name, kind: rule.kind, agencyType: rule.agencyType, services: ServiceSet(rule.services),
            openingHours: tagged ?? assumed, timeZone: timeZone, status: .online,
            address: Self.address(tags), phone: tags["phone"] ?? tags["contact:phone"], source: Self.source,
            updatedAt: importedAt, location: location, hoursAssumed: assumed != nil
        )
    }

    private static func address(_ tags: [String: String]) -> String? {
        if let full = tags["addr:full"] { return full }
        let parts = [tags["addr:city"], tags["addr:street"], tags["addr:housenumber"]].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// The centroid of a closed ring by area (in a local equirectangular frame), else the mean of the
    /// distinct vertices.
    static func centroid(_ vertices: [Coordinate]) -> Coordinate? {
        guard let first = vertices.first else { return nil }
        let scale = cos(first.latitude * .pi / 180)
        if vertices.count >= 4, vertices.first == vertices.last {
            var area = 0.0, cx = 0.0, cy = 0.0
            for (a, b) in zip(vertices, vertices.dropFirst()) {
                let ax = (a.longitude - first.longitude) * scale, ay = a.latitude - first.latitude
                let bx = (b.longitude - first.longitude) * scale, by = b.latitude - first.latitude
                let cross = ax * by - bx * ay
                area += cross
                cx += (ax + bx) * cross
                cy += (ay + by) * cross
            }
            if abs(area) > 1e-18 {
                return Coordinate(latitude: first.latitude + cy / (3 * area), longitude: first.longitude + cx / (3 * area * scale))
            }
        }
        let distinct = vertices.count > 1 && vertices.first == vertices.last ? Array(vertices.dropLast()) : vertices
        let count = Double(distinct.count)
        return Coordinate(latitude: distinct.map(\.latitude).reduce(0, +) / count,
                          longitude: distinct.map(\.longitude).reduce(0, +) / count)
    }
}
