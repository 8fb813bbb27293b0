import Foundation
import PayCircleCore

/// The area within `radius` metres of a set of segments, rasterised on a square grid in a local metric
/// frame and traced back into polygons (outer rings counter-clockwise, holes clockwise, RFC 7946).
///
/// A cell counts when its centre is within the radius of a segment; the polygon is the union of those
/// cells, so its edges follow the grid (cell size `radius / 6`, 5 m for the 30 m isochrone buffer) and its
/// area is exact for that union.
public struct ReachRaster: Sendable {
    public let cellSize: Double
    private let originLatitude: Double, originLongitude: Double
    private let metresPerDegreeLatitude: Double, metresPerDegreeLongitude: Double
    private let minX: Double, minY: Double
    private let width: Int, height: Int
    private var marked: [Bool]

    public init(segments: [(Coordinate, Coordinate)], radius: Double) {
        cellSize = radius / 6
        let first = segments.first?.0 ?? Coordinate(latitude: 0, longitude: 0)
        originLatitude = first.latitude
        originLongitude = first.longitude
        let phi = first.latitude * .pi / 180
        metresPerDegreeLatitude = 111_132.954 - 559.822 * cos(2 * phi) + 1.175 * cos(4 * phi)
        let e2 = Geodesic.flattening * (2 - Geodesic.flattening)
        metresPerDegreeLongitude = .pi / 180 * Geodesic.semiMajorAxis * cos(phi) / (1 - e2 * sin(phi) * sin(phi)).squareRoot()
        let latScale = metresPerDegreeLatitude, lonScale = metresPerDegreeLongitude
        let lat0 = originLatitude, lon0 = originLongitude
        let local = segments.map { a, b in
            ((a.longitude - lon0) * lonScale, (a.latitude - lat0) * latScale, (b.longitude - lon0) * lonScale, (b.latitude - lat0) * latScale)
        }
        let xs = local.flatMap { [$0.0, $0.2] }, ys = local.flatMap { [$0.1, $0.3] }
        minX = (xs.min() ?? 0) - radius - cellSize
        minY = (ys.min() ?? 0) - radius - cellSize
        width = segments.isEmpty ? 0 : Int((((xs.max() ?? 0) + radius + cellSize - minX) / cellSize).rounded(.up))
        height = segments.isEmpty ? 0 : Int((((ys.max() ?? 0) + radius + cellSize - minY) / cellSize).rounded(.up))
        marked = [Bool](repeating: false, count: segments.isEmpty ? 0 : width * height)
        let radiusSquared = radius * radius
        for (ax, ay, bx, by) in local {
            let dx = bx - ax, dy = by - ay, lengthSquared = dx * dx + dy * dy
            let i0 = max(0, Int((min(ax, bx) - radius - minX) / cellSize)), i1 = min(width - 1, Int((max(ax, bx) + radius - minX) / cellSize))
            let j0 = max(0, Int((min(ay, by) - radius - minY) / cellSize)), j1 = min(height - 1, Int((max(ay, by) + radius - minY) / cellSize))
            guard i0 <= i1, j0 <= j1 else { continue }
            for j in j0...j1 {
                let py = minY + (Double(j) + 0.5) * cellSize
                for i in i0...i1 where !marked[j * width + i] {
                    let px = minX + (Double(i) + 0.5) * cellSize
                    let t = lengthSquared > 0 ? min(1, max(0, ((px - ax) * dx + (py - ay) * dy) / lengthSquared)) : 0
                    let ex = ax + t * dx - px, ey = ay + t * dy - py
                    if ex * ex + ey * ey <= radiusSquared { marked[j * width + i] = true }
                }
            }
        }
    }

    /// Square metres covered.
    public var area: Double { Double(marked.lazy.filter { $0 }.count) * cellSize * cellSize }

    private func isMarked(_ i: Int, _ j: Int) -> Bool {
        i >= 0 && j >= 0 && i < width && j < height && marked[j * width + i]
    }

    /// The covered area as a GeoJSON Polygon or MultiPolygon.
    public func geoJSON() -> String {
        let rings = traceRings()
        var outers = rings.filter { Self.signedArea($0) > 0 }.map { (ring: $0, holes: [[(Int, Int)]]()) }
        for hole in rings where Self.signedArea(hole) < 0 {
            let probe = hole[0]
            let owner = outers.indices.filter { Self.contains(outers[$0].ring, probe) }
                .min { Self.signedArea(outers[$0].ring) < Self.signedArea(outers[$1].ring) }
            if let owner { outers[owner].holes.append(hole) }
        }
        var json = JSONWriter()
        json.object { json in
            json.field("type", outers.count == 1 ? "Polygon" : "MultiPolygon")
            json.key("coordinates")
            let write: (inout JSONWriter, [(Int, Int)]) -> Void = { json, ring in
                json.array { json in
                    for vertex in ring + [ring[0]] { json.position(coordinate(vertex)) }
                }
            }
            if outers.count == 1 {
                json.array { json in for ring in [outers[0].ring] + outers[0].holes { write(&json, ring) } }
            } else {
                json.array { json in
                    for outer in outers {
                        json.array { json in for ring in [outer.ring] + outer.holes { write(&json, ring) } }
                    }
                }
            }
        }
        return String(decoding: json.bytes, as: UTF8.self)
    }

    private func coordinate(_ vertex: (Int, Int)) -> Coordinate {
        Coordinate(latitude: originLatitude + (minY + Double(vertex.1) * cellSize) / metresPerDegreeLatitude,
                   longitude: originLongitude + (minX + Double(vertex.0) * cellSize) / metresPerDegreeLongitude)
    }

    /// Boundary edges between covered and uncovered cells, directed with the covered cell on the left,
    /// chained into rings; at a vertex shared by two diagonal cells the trace turns left, so rings touch
    /// there instead of crossing. A ring that passes a vertex twice is split there into two rings (OGC
    /// rings may touch each other but not themselves). Collinear vertices are dropped.
    private func traceRings() -> [[(Int, Int)]] {
        var outgoing: [Int: [Int]] = [:]   // vertex key → target vertex keys
        func key(_ x: Int, _ y: Int) -> Int { y * (width + 1) + x }
        for j in 0..<height {
            for i in 0..<width where marked[j * width + i] {
                if !isMarked(i, j - 1) { outgoing[key(i, j), default: []].append(key(i + 1, j)) }
                if !isMarked(i + 1, j) { outgoing[key(i + 1, j), default: []].append(key(i + 1, j + 1)) }
                if !isMarked(i, j + 1) { outgoing[key(i + 1, j + 1), default: []].append(key(i, j + 1)) }
                if !isMarked(i - 1, j) { outgoing[key(i, j + 1), default: []].append(key(i, j)) }
            }
        }
        func point(_ k: Int) -> (Int, Int) { (k % (width + 1), k / (width + 1)) }
        var rings: [[(Int, Int)]] = []
        for start in outgoing.keys.sorted() {
            while let first = outgoing[start]?.first {
                var ring: [Int] = [start]
                var previous = start, current = first
                outgoing[start]!.removeFirst()
                while current != start {
                    ring.append(current)
                    guard var choices = outgoing[current], !choices.isEmpty else { break }
                    var pick = 0
                    if choices.count > 1 {
                        // Turn left: the choice whose direction is the incoming one rotated anticlockwise.
                        let (px, py) = point(previous), (cx, cy) = point(current)
                        let left = (cx - (cy - py), cy + (cx - px))
                        pick = choices.firstIndex { point($0) == left } ?? 0
                    }
                    let next = choices.remove(at: pick)
                    outgoing[current] = choices
                    previous = current
                    current = next
                }
                for loop in Self.splitAtRepeatedVertices(ring) {
                    rings.append(Self.withoutCollinearVertices(loop.map(point)))
                }
            }
        }
        return rings.filter { $0.count >= 4 }
    }

    /// Cuts every closed sub-loop out of a ring whose trace visits a vertex more than once.
    static func splitAtRepeatedVertices(_ ring: [Int]) -> [[Int]] {
        var loops: [[Int]] = []
        var stack: [Int] = []
        var position: [Int: Int] = [:]
        for vertex in ring {
            if let index = position[vertex] {
                loops.append(Array(stack[index...]))
                for removed in stack[(index + 1)...] { position[removed] = nil }
                stack.removeSubrange((index + 1)...)
            } else {
                position[vertex] = stack.count
                stack.append(vertex)
            }
        }
        loops.append(stack)
        return loops
    }

    private static func withoutCollinearVertices(_ ring: [(Int, Int)]) -> [(Int, Int)] {
        ring.indices.compactMap { index in
            let a = ring[(index + ring.count - 1) % ring.count], b = ring[index], c = ring[(index + 1) % ring.count]
            return (b.0 - a.0) * (c.1 - b.1) - (b.1 - a.1) * (c.0 - b.0) == 0 ? nil : b
        }
    }

    private static func signedArea(_ ring: [(Int, Int)]) -> Double {
        var twice = 0
        for index in ring.indices {
            let a = ring[index], b = ring[(index + 1) % ring.count]
            twice += a.0 * b.1 - b.0 * a.1
        }
        return Double(twice) / 2
    }

    private static func contains(_ ring: [(Int, Int)], _ p: (Int, Int)) -> Bool {
        // Even-odd test at a point nudged off the grid lines.
        let px = Double(p.0) + 0.25, py = Double(p.1) + 0.25
        var inside = false
        for index in ring.indices {
            let a = ring[index], b = ring[(index + 1) % ring.count]
            let ay = Double(a.1), by = Double(b.1)
            if (ay > py) != (by > py) {
                let x = Double(a.0) + (py - ay) / (by - ay) * Double(b.0 - a.0)
                if x > px { inside.toggle() }
            }
        }
        return inside
    }
}
