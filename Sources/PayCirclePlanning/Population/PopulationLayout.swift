import Foundation
import PayCircleCore
import PayCircleNetwork

/// Where the people of each population area are, as weighted samples that coverage, gaps and site
/// suggestions all count the same way:
///
/// - street samples: an area's people spread uniformly along the network inside it. Edges are cut into
///   pieces of at most ``pieceLength`` metres, each piece belonging to the area holding its midpoint, and
///   each piece is read at ``sampleSpacing``-metre steps;
/// - building samples: an area's people shared among its residential buildings by floor area, each at its
///   centroid and snapped onto the network (the walk to the network counts), where the buildings mapped
///   inside the area house, by ``PopulationEstimate``, at least ``minimumBuildingShare`` of its people
///   (fewer means the mapping is too patchy to place them by);
/// - surface samples: for areas the network does not cover (fewer than ``minimumStreetDensity`` metres of
///   street per square kilometre and no buildings), a square grid over the area, priced by straight-line
///   distance times a detour factor.
///
/// ```swift
/// let layout = PopulationLayout(areas: try store.loadAreas(), graph: graph)
/// ```
public struct PopulationLayout: Sendable {
    /// Longest piece of an edge that is given to one area.
    public static let pieceLength = 100.0
    /// Distance between the samples read along a street.
    public static let sampleSpacing = 10.0
    /// Metres of street per square kilometre below which an area counts as not covered by the network.
    public static let minimumStreetDensity = 2_000.0
    /// The share of an area's people its mapped buildings must house for people to be placed by them.
    public static let minimumBuildingShare = 0.25
    /// Surface samples per area, at most (the grid widens for large areas; never finer than 25 m).
    public static let surfaceSamplesPerArea = 4_000.0

    public let areas: [PopulationArea]
    /// Where the areas and their populations come from, for reports.
    public let source: String
    public let methods: [PopulationMethod]
    /// Square metres of each area (planar, in a local frame).
    public let surfaces: [Double]
    public let walkingSpeed: Double
    /// Street pieces sorted by edge; `firstSample` numbers their samples consecutively from 0.
    let pieces: [StreetPiece]
    /// `pieceOffsets[e]..<pieceOffsets[e+1]` are the pieces of edge e (empty without a network).
    let pieceOffsets: [Int32]
    let streetSampleCount: Int
    /// Samples snapped onto the network (buildings), sorted by edge, with `placeOffsets` like `pieceOffsets`.
    let places: [PlaceSample]
    let placeOffsets: [Int32]
    /// Samples priced by straight line.
    let surfaceSamples: [SurfaceSample]

    struct StreetPiece: Sendable {
        var edge: Int32
        var start: Float
        var end: Float
        var area: Int32
        var samples: Int32
        var firstSample: Int32
        var peoplePerSample: Float

        func fraction(ofSample index: Int32) -> Double {
            Double(start) + (Double(index) + 0.5) * Double(end - start) / Double(samples)
        }
    }

    struct PlaceSample: Sendable {
        var location: NetworkLocation
        var area: Int32
        var people: Double
    }

    struct SurfaceSample: Sendable {
        var coordinate: Coordinate
        var area: Int32
        var people: Double
        /// Half the grid spacing: the sample stands for a square this far either side.
        var halfSpacing: Double
    }

    /// Lays out the people of `areas` over `graph` (nil: every area by straight line), sharing them among
    /// `buildings` where an area has some.
    public init(areas: [PopulationArea], graph: WalkingGraph?, buildings: [ResidentialBuilding] = [],
                source: String = "given areas", estimate: PopulationEstimate = .standard, profile: WalkingProfile = .standard) {
        self.areas = areas
        self.source = source
        walkingSpeed = profile.metresPerSecond
        let locator = AreaLocator(areas)
        let planes = areas.map { LocalPlane(origin: $0.polygons.first?.first?.first ?? Coordinate(latitude: 0, longitude: 0)) }
        let surfaces = zip(areas, planes).map { area, plane in Self.surface(of: area.polygons, in: plane) }
        self.surfaces = surfaces

        // Buildings by area, where a network can take their walks.
        var buildingsByArea = [[ResidentialBuilding]](repeating: [], count: areas.count)
        if let graph, !graph.isEmpty {
            for building in buildings where building.floorArea > 0 {
                if let area = locator.area(containing: building.location) { buildingsByArea[area].append(building) }
            }
        }
        // Street pieces and the length of street inside each area.
        var rawPieces: [StreetPiece] = []
        var streetLength = [Double](repeating: 0, count: areas.count)
        if let graph {
            for edgeIndex in 0..<Int32(graph.edgeCount) where graph.isInMainComponent(edge: edgeIndex) {
                let length = graph.edge(edgeIndex).length
                let count = max(1, Int((length / Self.pieceLength).rounded(.up)))
                for part in 0..<count {
                    let start = Double(part) / Double(count), end = Double(part + 1) / Double(count)
                    guard let area = locator.area(containing: graph.point(on: edgeIndex, at: (start + end) / 2)) else { continue }
                    streetLength[area] += length / Double(count)
                    let samples = max(1, Int32((length / Double(count) / Self.sampleSpacing).rounded(.up)))
                    rawPieces.append(StreetPiece(edge: edgeIndex, start: Float(start), end: Float(end), area: Int32(area),
                                                 samples: samples, firstSample: 0, peoplePerSample: 0))
                }
            }
        }
        let methods: [PopulationMethod] = areas.indices.map { index in
            let housed = buildingsByArea[index].reduce(0) { $0 + estimate.people(in: $1) }
            if !buildingsByArea[index].isEmpty, housed >= Self.minimumBuildingShare * areas[index].population { return .buildings }
            let density = surfaces[index] > 0 ? streetLength[index] / (surfaces[index] / 1e6) : 0
            return streetLength[index] > 0 && density >= Self.minimumStreetDensity ? .streets : .straightLine
        }
        self.methods = methods

        var sampleCount = 0
        var kept: [StreetPiece] = []
        for var piece in rawPieces where methods[Int(piece.area)] == .streets {
            let area = Int(piece.area)
            let pieceMetres = Double(piece.end - piece.start) * (graph?.edge(piece.edge).length ?? 0)
            piece.peoplePerSample = Float(areas[area].population * pieceMetres / streetLength[area] / Double(piece.samples))
            piece.firstSample = Int32(sampleCount)
            sampleCount += Int(piece.samples)
            kept.append(piece)
        }
        pieces = kept
        streetSampleCount = sampleCount
        pieceOffsets = Self.offsets(of: kept.map(\.edge), edgeCount: graph?.edgeCount ?? 0)

        var onNetwork: [PlaceSample] = []
        var surface: [SurfaceSample] = []
        for (index, area) in areas.enumerated() {
            switch methods[index] {
            case .streets: continue
            case .buildings:
                let floor = buildingsByArea[index].reduce(0) { $0 + $1.floorArea }
                for building in buildingsByArea[index] {
                    let people = area.population * building.floorArea / floor
                    if let graph, let location = try? graph.snap(building.location) {
                        onNetwork.append(PlaceSample(location: location, area: Int32(index), people: people))
                    } else {
                        surface.append(SurfaceSample(coordinate: building.location, area: Int32(index), people: people, halfSpacing: 10))
                    }
                }
            case .straightLine:
                surface.append(contentsOf: Self.surfaceGrid(area, index: index, plane: planes[index], surface: surfaces[index]))
            }
        }
        onNetwork.sort { $0.location.edge < $1.location.edge }
        places = onNetwork
        placeOffsets = Self.offsets(of: onNetwork.map(\.location.edge), edgeCount: graph?.edgeCount ?? 0)
        surfaceSamples = surface
    }

    /// Every sample: street samples first, then building samples, then surface samples.
    var sampleCount: Int { streetSampleCount + places.count + surfaceSamples.count }

    /// A square grid of samples inside the area, sharing its people equally; the centroid of the outer
    /// rings' vertices when the area is too small for any grid point.
    private static func surfaceGrid(_ area: PopulationArea, index: Int, plane: LocalPlane, surface: Double) -> [SurfaceSample] {
        let spacing = max(25, (surface / surfaceSamplesPerArea).squareRoot())
        let outer = area.polygons.compactMap(\.first).joined().map(plane.project)
        guard let minX = outer.map(\.x).min(), let maxX = outer.map(\.x).max(),
              let minY = outer.map(\.y).min(), let maxY = outer.map(\.y).max() else { return [] }
        var inside: [Coordinate] = []
        var y = minY + spacing / 2
        while y < maxY {
            var x = minX + spacing / 2
            while x < maxX {
                let place = plane.unproject(x: x, y: y)
                if AreaLocator.contains(area.polygons, place) { inside.append(place) }
                x += spacing
            }
            y += spacing
        }
        if inside.isEmpty, !outer.isEmpty {
            inside = [plane.unproject(x: outer.map(\.x).reduce(0, +) / Double(outer.count), y: outer.map(\.y).reduce(0, +) / Double(outer.count))]
        }
        let people = area.population / Double(max(inside.count, 1))
        return inside.map { SurfaceSample(coordinate: $0, area: Int32(index), people: people, halfSpacing: spacing / 2) }
    }

    /// Planar area of polygons with holes.
    static func surface(of polygons: [PopulationArea.Polygon], in plane: LocalPlane) -> Double {
        polygons.reduce(0) { total, polygon in
            let rings = polygon.map(plane.area(ofRing:))
            return total + (rings.first ?? 0) - rings.dropFirst().reduce(0, +)
        }
    }

    /// CSR offsets of items sorted by edge.
    private static func offsets(of edges: [Int32], edgeCount: Int) -> [Int32] {
        var offsets = [Int32](repeating: 0, count: edgeCount + 1)
        for edge in edges { offsets[Int(edge) + 1] += 1 }
        for i in 0..<edgeCount { offsets[i + 1] += offsets[i] }
        return offsets
    }
}
