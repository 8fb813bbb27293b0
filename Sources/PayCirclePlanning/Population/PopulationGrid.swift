import Foundation
import PayCircleCore

/// Population areas made from residential buildings where no census areas are given: hexagons 250 m
/// across (flat to flat) holding the estimated residents of the buildings inside them.
///
/// ```swift
/// let cells = PopulationGrid.hexagons(from: try await store.loadBuildings())
/// ```
public enum PopulationGrid {
    public static let defaultWidth = 250.0

    /// Hexagons (pointy side up, ids `hex:<q>,<r>` in axial coordinates) with the people of the buildings
    /// whose centroids they hold; empty hexagons are left out.
    public static func hexagons(from buildings: [ResidentialBuilding], estimate: PopulationEstimate = .standard,
                                width: Double = defaultWidth) -> [PopulationArea] {
        guard let first = buildings.first else { return [] }
        let plane = LocalPlane(origin: first.location)
        let radius = width / 3.squareRoot()
        let cells = Set(buildings.map { building in
            let (x, y) = plane.project(building.location)
            return Axial(x: x, y: y, radius: radius)
        })
        let hexagons = cells.sorted { ($0.q, $0.r) < ($1.q, $1.r) }.map { cell -> PopulationArea in
            let (cx, cy) = cell.centre(radius: radius)
            let ring = (0...6).map { corner -> Coordinate in
                let angle = (Double(corner % 6) * 60 - 30) * .pi / 180
                return plane.unproject(x: cx + radius * cos(angle), y: cy + radius * sin(angle))
            }
            return PopulationArea(id: "hex:\(cell.q),\(cell.r)", name: "hexagon \(cell.q),\(cell.r)", population: 0, polygons: [[ring]])
        }
        // People go to the hexagon the area locator puts each building in, so that the layout, which
        // locates buildings the same way, finds every one of them.
        var people = [Double](repeating: 0, count: hexagons.count)
        let locator = AreaLocator(hexagons)
        for building in buildings {
            if let index = locator.area(containing: building.location) { people[index] += estimate.people(in: building) }
        }
        return zip(hexagons, people).compactMap { hexagon, count in
            guard count > 0 else { return nil }
            var area = hexagon
            area.population = count
            return area
        }
    }

    /// Axial hexagon coordinates of a point, rounded through cube coordinates.
    private struct Axial: Hashable {
        var q: Int
        var r: Int

        init(x: Double, y: Double, radius: Double) {
            let fq = (3.squareRoot() / 3 * x - y / 3) / radius, fr = (2.0 / 3 * y) / radius, fs = -fq - fr
            var q = fq.rounded(), r = fr.rounded()
            let s = fs.rounded()
            let dq = abs(q - fq), dr = abs(r - fr), ds = abs(s - fs)
            if dq > dr && dq > ds { q = -r - s } else if dr > ds { r = -q - s }
            self.q = Int(q)
            self.r = Int(r)
        }

        func centre(radius: Double) -> (Double, Double) {
            (radius * 3.squareRoot() * (Double(q) + Double(r) / 2), radius * 1.5 * Double(r))
        }
    }
}
