import Foundation
import PayCircleCore

/// A uniform latitude/longitude grid over the network's nodes that lists, per cell, the edges with an end
/// node in it, for finding the edges with an end inside a box without scanning every edge.
///
/// The grid spans the nodes' extent with about one cell per four edges (cells roughly square on the
/// ground), stored as compressed rows: `cellStart[c]..<cellStart[c+1]` index `cellEdges`, each cell's edges
/// in ascending order. An edge whose two ends fall in different cells is listed in both.
struct EdgeBoxGrid: Sendable {
    private let minLatitude, minLongitude, maxLatitude, maxLongitude: Double
    private let latitudeStep, longitudeStep: Double
    private let columns, rows: Int
    private let cellStart: [Int32]
    private let cellEdges: [Int32]

    init(coordinates: [Coordinate], edges: [WalkingNetworkData.Edge]) {
        var minLat = Double.infinity, maxLat = -Double.infinity, minLon = Double.infinity, maxLon = -Double.infinity
        for c in coordinates where c.latitude.isFinite && c.longitude.isFinite {
            minLat = min(minLat, c.latitude); maxLat = max(maxLat, c.latitude)
            minLon = min(minLon, c.longitude); maxLon = max(maxLon, c.longitude)
        }
        if minLat > maxLat { (minLat, maxLat, minLon, maxLon) = (0, 0, 0, 0) }

        // About four edges a cell, at most 4M cells; the sides chosen for square-ish cells on the ground.
        let target = Double(max(1, min(edges.count / 4, 1 << 22)))
        let scale = max(cos((minLat + maxLat) / 2 * .pi / 180), 0.01)
        let width = max((maxLon - minLon) * scale, 1e-9), height = max(maxLat - minLat, 1e-9)
        let side = (width * height / target).squareRoot()
        let columns = Int(min(max((width / side).rounded(.up), 1), target))
        let rows = Int(min(max((height / side).rounded(.up), 1), target))
        // Steps a little above zero at least, so that a one-point extent maps into cell 0.
        let longitudeStep = max((maxLon - minLon) / Double(columns), 1e-12)
        let latitudeStep = max((maxLat - minLat) / Double(rows), 1e-12)
        (minLatitude, maxLatitude, minLongitude, maxLongitude) = (minLat, maxLat, minLon, maxLon)
        (self.latitudeStep, self.longitudeStep, self.columns, self.rows) = (latitudeStep, longitudeStep, columns, rows)

        // Compressed rows by counting: edges in ascending order within each cell.
        func cellOf(_ c: Coordinate) -> Int32 {
            Self.cell(c, minLatitude: minLat, minLongitude: minLon, latitudeStep: latitudeStep,
                      longitudeStep: longitudeStep, columns: columns, rows: rows)
        }
        let cellCount = columns * rows
        var start = [Int32](repeating: 0, count: cellCount + 1)
        var cellsOfEdge = [(Int32, Int32)](repeating: (-1, -1), count: edges.count)
        for (index, edge) in edges.enumerated() {
            let a = cellOf(coordinates[Int(edge.source)]), b = cellOf(coordinates[Int(edge.target)])
            let second = b == a ? -1 : b
            cellsOfEdge[index] = (a, second)
            if a >= 0 { start[Int(a) + 1] += 1 }
            if second >= 0 { start[Int(second) + 1] += 1 }
        }
        for cell in 0..<cellCount { start[cell + 1] += start[cell] }
        var next = start
        var listed = [Int32](repeating: 0, count: Int(start[cellCount]))
        func list(_ edge: Int, in cell: Int32) {
            guard cell >= 0 else { return }
            listed[Int(next[Int(cell)])] = Int32(edge)
            next[Int(cell)] += 1
        }
        for (index, (a, b)) in cellsOfEdge.enumerated() {
            list(index, in: a)
            list(index, in: b)
        }
        cellStart = start
        cellEdges = listed
    }

    /// The cell of `c`, or -1 for a coordinate that is not a finite number (the OSM readers let none
    /// through). Monotone in each axis, so every coordinate inside a box maps to a cell between those of
    /// the box's corners clamped to the extent.
    private static func cell(_ c: Coordinate, minLatitude: Double, minLongitude: Double, latitudeStep: Double,
                             longitudeStep: Double, columns: Int, rows: Int) -> Int32 {
        guard c.latitude.isFinite, c.longitude.isFinite else { return -1 }
        let x = index((c.longitude - minLongitude) / longitudeStep, count: columns)
        let y = index((c.latitude - minLatitude) / latitudeStep, count: rows)
        return Int32(y * columns + x)
    }

    private func cell(_ c: Coordinate) -> Int32 {
        Self.cell(c, minLatitude: minLatitude, minLongitude: minLongitude, latitudeStep: latitudeStep,
                  longitudeStep: longitudeStep, columns: columns, rows: rows)
    }

    /// `value` rounded down and clamped to `0..<count`.
    @inline(__always)
    private static func index(_ value: Double, count: Int) -> Int {
        guard value > 0 else { return 0 }
        guard value < Double(count) else { return count - 1 }
        return min(Int(value), count - 1)
    }

    /// The edges with at least one end node inside `box` (``BoundingBox/contains(_:)``), ascending. Visits
    /// only the cells the box overlaps; an edge listed in two of them is taken in the cell of its first
    /// end inside the box only, so nothing is found twice.
    func edges(in box: BoundingBox, coordinates: [Coordinate], edges: [WalkingNetworkData.Edge]) -> [Int32] {
        // Nothing can be inside an inverted box, one with a bound that is not a number, or one off the
        // network's extent.
        guard box.minLatitude <= box.maxLatitude, box.minLongitude <= box.maxLongitude,
              box.maxLatitude >= minLatitude, box.minLatitude <= maxLatitude,
              box.maxLongitude >= minLongitude, box.minLongitude <= maxLongitude, !cellEdges.isEmpty else { return [] }
        let x0 = Self.index((max(box.minLongitude, minLongitude) - minLongitude) / longitudeStep, count: columns)
        let x1 = Self.index((min(box.maxLongitude, maxLongitude) - minLongitude) / longitudeStep, count: columns)
        let y0 = Self.index((max(box.minLatitude, minLatitude) - minLatitude) / latitudeStep, count: rows)
        let y1 = Self.index((min(box.maxLatitude, maxLatitude) - minLatitude) / latitudeStep, count: rows)
        var found: [Int32] = []
        for y in y0...y1 {
            for x in x0...x1 {
                let here = Int32(y * columns + x)
                for slot in Int(cellStart[Int(here)])..<Int(cellStart[Int(here) + 1]) {
                    let index = cellEdges[slot]
                    let edge = edges[Int(index)]
                    let source = coordinates[Int(edge.source)]
                    let owner: Coordinate
                    if box.contains(source) {
                        owner = source
                    } else {
                        let target = coordinates[Int(edge.target)]
                        guard box.contains(target) else { continue }
                        owner = target
                    }
                    if cell(owner) == here { found.append(index) }
                }
            }
        }
        // Each cell's list is ascending; the cells' lists one after another are not.
        found.sort()
        return found
    }
}
