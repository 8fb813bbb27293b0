import PayCircleCore

/// Candidate sites on a square grid over the population areas, for when no list of shops is at hand.
public enum CandidateGrid {
    /// Grid points `spacing` metres apart that fall inside an area of `layout`, with ids `grid:<column>,<row>`.
    public static func sites(over layout: PopulationLayout, spacing: Double = 250) -> [CandidateSite] {
        let corners = layout.areas.flatMap { $0.polygons.compactMap(\.first).joined() }
        guard let first = corners.first else { return [] }
        let plane = LocalPlane(origin: first)
        let projected = corners.map(plane.project)
        let minX = projected.map(\.x).min()!, maxX = projected.map(\.x).max()!
        let minY = projected.map(\.y).min()!, maxY = projected.map(\.y).max()!
        let locator = AreaLocator(layout.areas)
        var sites: [CandidateSite] = []
        for row in 0...Int((maxY - minY) / spacing) {
            for column in 0...Int((maxX - minX) / spacing) {
                let place = plane.unproject(x: minX + (Double(column) + 0.5) * spacing, y: minY + (Double(row) + 0.5) * spacing)
                guard locator.area(containing: place) != nil else { continue }
                sites.append(CandidateSite(id: "grid:\(column),\(row)", name: "grid point", location: place))
            }
        }
        return sites
    }
}
