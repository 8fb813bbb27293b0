import PayCircleCore

/// The projection from WGS-84 to the picture: a local plane around the areas, scaled to fit with a margin.
struct MapFrame {
    let plane: LocalPlane
    let scale: Double
    let offsetX: Double, offsetY: Double

    init(planner: CoveragePlanner, width: Double, height: Double) {
        let corners = planner.layout.areas.flatMap { $0.polygons.compactMap(\.first).joined() }
        let origin = corners.first ?? planner.channels.first?.location ?? Coordinate(latitude: 0, longitude: 0)
        plane = LocalPlane(origin: origin)
        let points = corners.map(plane.project)
        let minX = points.map(\.x).min() ?? 0, maxX = points.map(\.x).max() ?? 1
        let minY = points.map(\.y).min() ?? 0, maxY = points.map(\.y).max() ?? 1
        let margin = 20.0
        scale = min((width - 2 * margin) / max(maxX - minX, 1), (height - 2 * margin) / max(maxY - minY, 1))
        offsetX = margin - minX * scale + ((width - 2 * margin) - (maxX - minX) * scale) / 2
        offsetY = margin + maxY * scale + ((height - 2 * margin) - (maxY - minY) * scale) / 2
    }

    func pixel(_ c: Coordinate) -> (x: Double, y: Double) {
        let (x, y) = plane.project(c)
        return (offsetX + x * scale, offsetY - y * scale)
    }
}
