import PayCircleCore

/// Finds the population area containing a place: bounding boxes on a coarse grid, then an even-odd ray
/// test against the rings (holes excluded). Where areas overlap, the first in the list wins.
struct AreaLocator: Sendable {
    private struct Box { var minLat, minLon, maxLat, maxLon: Double }

    private let areas: [PopulationArea]
    private let boxes: [Box]
    private let cellDegrees: Double
    private let origin: (lat: Double, lon: Double)
    private var cells: [Int64: [Int32]] = [:]

    init(_ areas: [PopulationArea]) {
        self.areas = areas
        boxes = areas.map { area in
            let all = area.polygons.flatMap { $0.first ?? [] }
            return Box(minLat: all.map(\.latitude).min() ?? 0, minLon: all.map(\.longitude).min() ?? 0,
                       maxLat: all.map(\.latitude).max() ?? 0, maxLon: all.map(\.longitude).max() ?? 0)
        }
        origin = (boxes.map(\.minLat).min() ?? 0, boxes.map(\.minLon).min() ?? 0)
        // About four cells across an average area.
        let spans = boxes.map { max($0.maxLat - $0.minLat, $0.maxLon - $0.minLon) }
        cellDegrees = max(1e-4, (spans.reduce(0, +) / Double(max(spans.count, 1))) / 4)
        for (index, box) in boxes.enumerated() {
            let (x0, y0) = cell(latitude: box.minLat, longitude: box.minLon), (x1, y1) = cell(latitude: box.maxLat, longitude: box.maxLon)
            for x in x0...x1 { for y in y0...y1 { cells[Self.key(x, y), default: []].append(Int32(index)) } }
        }
    }

    /// The index of the first area containing `place`, or nil.
    func area(containing place: Coordinate) -> Int? {
        let (x, y) = cell(latitude: place.latitude, longitude: place.longitude)
        guard let candidates = cells[Self.key(x, y)] else { return nil }
        for index in candidates {
            let box = boxes[Int(index)]
            guard place.latitude >= box.minLat, place.latitude <= box.maxLat, place.longitude >= box.minLon, place.longitude <= box.maxLon else { continue }
            if Self.contains(areas[Int(index)].polygons, place) { return Int(index) }
        }
        return nil
    }

    /// Even-odd rule over every ring of every polygon: inside an outer ring and not inside its holes.
    static func contains(_ polygons: [PopulationArea.Polygon], _ p: Coordinate) -> Bool {
        var inside = false
        for ring in polygons.joined() {
            var j = ring.count - 1
            for i in ring.indices {
                let a = ring[i], b = ring[j]
                if (a.latitude > p.latitude) != (b.latitude > p.latitude),
                   p.longitude < (b.longitude - a.longitude) * (p.latitude - a.latitude) / (b.latitude - a.latitude) + a.longitude {
                    inside.toggle()
                }
                j = i
            }
        }
        return inside
    }

    private func cell(latitude: Double, longitude: Double) -> (Int, Int) {
        (Int(((longitude - origin.lon) / cellDegrees).rounded(.down)), Int(((latitude - origin.lat) / cellDegrees).rounded(.down)))
    }

    private static func key(_ x: Int, _ y: Int) -> Int64 { Int64(x) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: y))) }
}
