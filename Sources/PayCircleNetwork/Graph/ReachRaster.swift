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
    let originLatitude: Double, originLongitude: Double
    let metresPerDegreeLatitude: Double, metresPerDegreeLongitude: Double
    /// The grid: cell (i, j) has its lower-left corner at (minX + i·cellSize, minY + j·cellSize) metres east
    /// and north of the origin, and is covered when `marked.contains(i, j)`.
    let minX: Double, minY: Double
    let width: Int, height: Int
    let marked: CellBits
    /// From this many segments on, the raster is filled by two threads.
    static let segmentsForTwoThreads = 256

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
        var box = (minX: Double.infinity, minY: Double.infinity, maxX: -Double.infinity, maxY: -Double.infinity)
        for (ax, ay, bx, by) in local {
            box = (min(box.minX, ax, bx), min(box.minY, ay, by), max(box.maxX, ax, bx), max(box.maxY, ay, by))
        }
        if local.isEmpty { box = (0, 0, 0, 0) }
        minX = box.minX - radius - cellSize
        minY = box.minY - radius - cellSize
        width = segments.isEmpty ? 0 : Int(((box.maxX + radius + cellSize - minX) / cellSize).rounded(.up))
        height = segments.isEmpty ? 0 : Int(((box.maxY + radius + cellSize - minY) / cellSize).rounded(.up))
        marked = CellBits(width: width, height: height)
        let radiusSquared = radius * radius
        let (cellSize, minX, minY, width, height, marked) = (cellSize, minX, minY, width, height, marked)
        /// Marks the cells of rows `band` (each row's words are its own, so two bands may be filled at once).
        @Sendable func fill(_ band: ClosedRange<Int>) {
            for (ax, ay, bx, by) in local {
                let dx = bx - ax, dy = by - ay, lengthSquared = dx * dx + dy * dy
                /// Whether the centre of cell (i, j) lies within the radius of the segment.
                func isWithin(_ i: Int, _ py: Double) -> Bool {
                    let px = minX + (Double(i) + 0.5) * cellSize
                    let t = lengthSquared > 0 ? min(1, max(0, ((px - ax) * dx + (py - ay) * dy) / lengthSquared)) : 0
                    let ex = ax + t * dx - px, ey = ay + t * dy - py
                    return ex * ex + ey * ey <= radiusSquared
                }
                let j0 = max(band.lowerBound, Int((min(ay, by) - radius - minY) / cellSize))
                let j1 = min(band.upperBound, Int((max(ay, by) + radius - minY) / cellSize))
                guard j0 <= j1 else { continue }
                let i0 = max(0, Int((min(ax, bx) - radius - minX) / cellSize)), i1 = min(width - 1, Int((max(ax, bx) + radius - minX) / cellSize))
                guard i0 <= i1 else { continue }
                var worked: RowExtent?
                for j in j0...j1 {
                    // Every cell the segment could reach in this row is covered already (the usual case inside
                    // a dense reached area): nothing to work out.
                    if marked.allSet(row: j, from: i0, through: i1) { continue }
                    let extent = worked ?? RowExtent(segment: (ax, ay, bx, by), radius: radius)
                    worked = extent
                    let py = minY + (Double(j) + 0.5) * cellSize
                    guard extent.isWellConditioned else {
                        // A segment within a hair of an axis, whose estimate could be off: every cell is tested.
                        for i in i0...i1 where !marked.contains(i, j) && isWithin(i, py) { marked.set(row: j, from: i, through: i) }
                        continue
                    }
                    // The cells of a row within the radius of a segment are one run (the region is convex).
                    // Its ends are estimated from the region's extent along the row; when the run and a
                    // cell either side are already marked there is nothing to do, else each end is settled
                    // by the exact test, so the run is exactly the cells the test accepts.
                    guard let (low, high) = extent.run(atY: py) else { continue }
                    var first = max(i0, Self.ceiling((low - minX) / cellSize - 0.5))
                    var last = min(i1, Self.floor((high - minX) / cellSize - 0.5))
                    if first <= last, marked.allSet(row: j, from: max(i0, first - 1), through: min(i1, last + 1)) { continue }
                    // An end whose estimate is clear of the nearest cell centres by a margin far above its
                    // rounding (see ``RowExtent/isWellConditioned``) needs no exact test.
                    func centre(_ i: Int) -> Double { minX + (Double(i) + 0.5) * cellSize }
                    let margin = 1e-6
                    let clearStart = first <= last && centre(first) - low > margin && (first == i0 || low - centre(first - 1) > margin)
                    let clearFinish = first <= last && high - centre(last) > margin && (last == i1 || centre(last + 1) - high > margin)
                    if !clearStart {
                        while first > i0, isWithin(first - 1, py) { first -= 1 }
                        while first <= last, !isWithin(first, py) { first += 1 }
                    }
                    if !clearFinish {
                        while last < i1, isWithin(last + 1, py) { last += 1 }
                        while last >= first, !isWithin(last, py) { last -= 1 }
                    }
                    guard first <= last else {
                        // The estimate missed the run altogether: test the row's cells one by one.
                        for i in i0...i1 where !marked.contains(i, j) && isWithin(i, py) { marked.set(row: j, from: i, through: i) }
                        continue
                    }
                    marked.set(row: j, from: first, through: last)
                }
            }
        }
        // A large raster's two halves are filled on two threads: rows are independent, and a cell ends up
        // marked exactly when some segment reaches it, whatever order the segments are worked in.
        if height >= 2 && local.count >= Self.segmentsForTwoThreads {
            DispatchQueue.concurrentPerform(iterations: 2) { half in fill(half == 0 ? 0...(height / 2 - 1) : (height / 2)...(height - 1)) }
        } else if height > 0 {
            fill(0...(height - 1))
        }
    }

    /// Where rows cross the set of points within a radius of a segment (the union of two discs and a
    /// band): an estimate, which the exact per-cell test then settles.
    private struct RowExtent {
        let ax: Double, ay: Double, bx: Double, by: Double
        let radius: Double
        /// The band's edges and ends, as x = origin + slope · (y - ay) along each row.
        let band: (lowSide: Double, highSide: Double, startEnd: Double, finishEnd: Double, slope: Double, endSlope: Double)?
        let horizontal: Bool
        /// Whether the estimate is good to far better than a micrometre: the segment is axis-parallel (the
        /// formulas are then exact up to rounding of metre-sized values) or clearly slanted, so that no
        /// division by a nearly vanishing difference amplifies rounding.
        let isWellConditioned: Bool

        init(segment: (Double, Double, Double, Double), radius: Double) {
            (ax, ay, bx, by) = segment
            self.radius = radius
            let dx = bx - ax, dy = by - ay, length = (dx * dx + dy * dy).squareRoot()
            horizontal = length > 0 && dy == 0
            isWellConditioned = length == 0 || dx == 0 || dy == 0 || (abs(dx) >= 1e-3 * length && abs(dy) >= 1e-3 * length)
            if length > 0, dy != 0, dx != 0 {
                // Lines parallel to the segment at ±radius cross row y at ax + (y - ay)·dx/dy ∓ radius·length/dy;
                // the perpendiculars through its ends cross it at ax - (y - ay)·dy/dx and at that plus length²/dx.
                let side = radius * length / dy
                band = (ax - side, ax + side, ax, ax + length * length / dx, dx / dy, -dy / dx)
            } else if length > 0, dx == 0 {
                band = (ax - radius, ax + radius, -Double.infinity, Double.infinity, 0, 0)
            } else {
                band = nil
            }
        }

        func run(atY y: Double) -> (Double, Double)? {
            var low = Double.infinity, high = -Double.infinity
            func disc(_ cx: Double, _ cy: Double) {
                // A row that grazes a disc within rounding still counts, so that its cell is tested.
                let h = radius * radius - (y - cy) * (y - cy)
                if h >= -1e-6 {
                    low = min(low, cx - max(0, h).squareRoot())
                    high = max(high, cx + max(0, h).squareRoot())
                }
            }
            disc(ax, ay)
            disc(bx, by)
            if let band {
                let along = (y - ay) * band.slope, across = (y - ay) * band.endSlope
                var bandLow = min(band.lowSide, band.highSide) + along, bandHigh = max(band.lowSide, band.highSide) + along
                if band.startEnd.isFinite {
                    bandLow = max(bandLow, min(band.startEnd, band.finishEnd) + across)
                    bandHigh = min(bandHigh, max(band.startEnd, band.finishEnd) + across)
                } else if y < min(ay, by) || y > max(ay, by) {
                    bandHigh = -Double.infinity
                }
                if bandLow <= bandHigh {
                    low = min(low, bandLow)
                    high = max(high, bandHigh)
                }
            } else if horizontal, abs(y - ay) <= radius {
                low = min(low, min(ax, bx))
                high = max(high, max(ax, bx))
            }
            return low <= high ? (low, high) : nil
        }
    }

    /// The smallest whole number at least `x` (cell indices: without a call into the C library).
    private static func ceiling(_ x: Double) -> Int {
        let whole = Int(x)
        return Double(whole) < x ? whole + 1 : whole
    }

    /// The largest whole number at most `x`.
    private static func floor(_ x: Double) -> Int {
        let whole = Int(x)
        return Double(whole) > x ? whole - 1 : whole
    }

    /// Square metres covered.
    public var area: Double { Double(marked.count) * cellSize * cellSize }

    /// The covered area as a GeoJSON Polygon or MultiPolygon.
    public func geoJSON() -> String {
        let rings = traceRings()
        var outers = rings.filter { Self.signedArea($0) > 0 }.map { (ring: $0, holes: [[(Int, Int)]]()) }
        for hole in rings where Self.signedArea(hole) < 0 {
            // A hole lies in the smallest outer ring around it (with one outer ring, in that one), found
            // from the centre of an uncovered cell along its first edge: the right-hand side of a hole's
            // edges, a point strictly inside it even where the hole touches its outer ring at a vertex.
            let (from, to) = (hole[0], hole[1])
            let step = ((to.0 - from.0).signum(), (to.1 - from.1).signum())
            let probe = (Double(from.0) + 0.5 * Double(step.0 + step.1), Double(from.1) + 0.5 * Double(step.1 - step.0))
            let owner = outers.count == 1 ? 0 : outers.indices.filter { Self.contains(outers[$0].ring, probe) }
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
        // A vertex has at most two outgoing boundary edges (two, where two covered cells meet diagonally),
        // kept in the order they were found.
        let vertexCount = (width + 1) * (height + 1)
        var firstOut = [Int32](repeating: -1, count: vertexCount), secondOut = firstOut
        // Bit v set when vertex v has an outgoing edge: the rings start from these, in ascending order.
        var linked = [UInt64](repeating: 0, count: (vertexCount + 63) / 64)
        func key(_ x: Int, _ y: Int) -> Int { y * (width + 1) + x }
        func link(_ from: Int, _ to: Int) {
            if firstOut[from] < 0 { firstOut[from] = Int32(to) } else { secondOut[from] = Int32(to) }
            linked[from >> 6] |= 1 << UInt64(from & 63)
        }
        // Covered cells on the boundary, row by row in ascending order, a word of 64 at a time, with their
        // four neighbours read from the words around.
        for j in 0..<height {
            for index in 0..<marked.wordsPerRow {
                let cells = marked.word(row: j, index: index)
                guard cells != 0 else { continue }
                let below = marked.word(row: j - 1, index: index), above = marked.word(row: j + 1, index: index)
                let right = cells >> 1 | marked.word(row: j, index: index + 1) << 63
                let left = cells << 1 | marked.word(row: j, index: index - 1) >> 63
                // A cell with all four neighbours covered has no boundary edge.
                var remaining = cells & ~(below & above & right & left)
                while remaining != 0 {
                    let bit = remaining.trailingZeroBitCount, i = index << 6 + bit, mask: UInt64 = 1 << UInt64(bit)
                    remaining &= remaining - 1
                    if below & mask == 0 { link(key(i, j), key(i + 1, j)) }
                    if right & mask == 0 { link(key(i + 1, j), key(i + 1, j + 1)) }
                    if above & mask == 0 { link(key(i + 1, j + 1), key(i, j + 1)) }
                    if left & mask == 0 { link(key(i, j + 1), key(i, j)) }
                }
            }
        }
        /// Takes the outgoing edge `second` (or the first) out of `vertex`, returning its target.
        func take(from vertex: Int, second: Bool) -> Int {
            let target = Int(second ? secondOut[vertex] : firstOut[vertex])
            if !second { firstOut[vertex] = secondOut[vertex] }
            secondOut[vertex] = -1
            return target
        }
        func point(_ k: Int) -> (Int, Int) { (k % (width + 1), k / (width + 1)) }
        var rings: [[(Int, Int)]] = []
        var splitter = RingSplitter(vertexCount: vertexCount)
        var ring: [Int] = []
        for (index, word) in linked.enumerated() where word != 0 {
            var starts = word
            while starts != 0 {
                let start = index << 6 + starts.trailingZeroBitCount
                starts &= starts - 1
                while firstOut[start] >= 0 {
                    ring.removeAll(keepingCapacity: true)
                    ring.append(start)
                    var previous = start, current = take(from: start, second: false)
                    while current != start {
                        ring.append(current)
                        guard firstOut[current] >= 0 else { break }
                        var second = false
                        if secondOut[current] >= 0 {
                            // Turn left: the choice whose direction is the incoming one rotated anticlockwise.
                            let (px, py) = point(previous), (cx, cy) = point(current)
                            let left = key(cx - (cy - py), cy + (cx - px))
                            second = Int(firstOut[current]) != left && Int(secondOut[current]) == left
                        }
                        previous = current
                        current = take(from: current, second: second)
                    }
                    for loop in splitter.loops(of: ring) {
                        rings.append(Self.withoutCollinearVertices(loop.map(point)))
                    }
                }
            }
        }
        return rings.filter { $0.count >= 4 }
    }

    /// Cuts every closed sub-loop out of a ring whose trace visits a vertex more than once, with a table of
    /// positions by vertex that is cleared after each ring rather than made anew.
    struct RingSplitter {
        private var position: [Int32]

        init(vertexCount: Int) { position = [Int32](repeating: -1, count: vertexCount) }

        mutating func loops(of ring: [Int]) -> [[Int]] {
            var loops: [[Int]] = []
            var stack: [Int] = []
            for vertex in ring {
                let index = Int(position[vertex])
                if index >= 0 {
                    loops.append(Array(stack[index...]))
                    for removed in stack[(index + 1)...] { position[removed] = -1 }
                    stack.removeSubrange((index + 1)...)
                } else {
                    position[vertex] = Int32(stack.count)
                    stack.append(vertex)
                }
            }
            for vertex in stack { position[vertex] = -1 }
            loops.append(stack)
            return loops
        }
    }

    private static func withoutCollinearVertices(_ ring: [(Int, Int)]) -> [(Int, Int)] {
        let count = ring.count
        var kept: [(Int, Int)] = []
        kept.reserveCapacity(count)
        for index in 0..<count {
            let a = ring[index == 0 ? count - 1 : index - 1], b = ring[index], c = ring[index == count - 1 ? 0 : index + 1]
            if (b.0 - a.0) * (c.1 - b.1) - (b.1 - a.1) * (c.0 - b.0) != 0 { kept.append(b) }
        }
        return kept
    }

    private static func signedArea(_ ring: [(Int, Int)]) -> Double {
        var twice = 0
        for index in ring.indices {
            let a = ring[index], b = ring[(index + 1) % ring.count]
            twice += a.0 * b.1 - b.0 * a.1
        }
        return Double(twice) / 2
    }

    /// Even-odd test of a point off the grid lines.
    private static func contains(_ ring: [(Int, Int)], _ p: (x: Double, y: Double)) -> Bool {
        let (px, py) = p
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
