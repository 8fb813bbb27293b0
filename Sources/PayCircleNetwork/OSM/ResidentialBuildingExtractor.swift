import PayCircleCore

/// Collects the buildings people live in from the closed ways of an OSM file, for estimating population
/// where no census areas are given.
///
/// A building counts when `building` is a dwelling type (`residential`, `apartments`, `house`, …), or
/// `yes` on a way with no tag saying it is used otherwise (`amenity`, `shop`, `office`, `tourism`, …).
/// Levels come from `building:levels`, else a default by type: 5 for blocks of flats and dormitories, 2
/// for houses, 3 for untyped buildings. The footprint is the ring's planar area around its first vertex.
public struct ResidentialBuildingExtractor {
    static let defaultLevels: [String: Double] = [
        "apartments": 5, "residential": 5, "dormitory": 5,
        "house": 2, "detached": 2, "semidetached_house": 2, "terrace": 2, "bungalow": 1, "cabin": 1, "farm": 2,
        "yes": 3,
    ]
    static let otherUses = ["amenity", "shop", "office", "tourism", "leisure", "craft", "industrial", "public_transport",
                            "railway", "aeroway", "man_made", "historic", "religion", "building:part"]

    public private(set) var buildings: [ResidentialBuilding] = []

    public init() {}

    /// Takes `way` when it is a residential building whose nodes were all read before it.
    public mutating func add(_ way: OSMWay, positions: NodePositions) {
        guard let type = way.tags["building"], let fallback = Self.defaultLevels[type],
              way.nodeIDs.count >= 4, way.nodeIDs.first == way.nodeIDs.last else { return }
        if type == "yes", Self.otherUses.contains(where: { way.tags[$0] != nil }) { return }
        let ring = way.nodeIDs.compactMap { positions[$0] }
        guard ring.count == way.nodeIDs.count, let centre = OSMPointExtractor.centroid(ring), centre.isValid else { return }
        let footprint = LocalPlane(origin: ring[0]).area(ofRing: ring)
        let tagged = way.tags["building:levels"].flatMap { Double($0) }.flatMap { (1...200).contains($0) ? $0 : nil }
        buildings.append(ResidentialBuilding(id: "osm:w\(way.id)", location: centre, footprint: footprint, levels: tagged ?? fallback))
    }
}
