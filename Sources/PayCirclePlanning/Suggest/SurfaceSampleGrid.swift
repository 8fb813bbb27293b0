import PayCircleCore

/// The surface samples of a layout on a square grid of cells a little wider than `radius` (the plane's
/// scale drifts slightly away from its origin), for finding those within a straight-line radius of a
/// candidate.
struct SurfaceSampleGrid {
    private let plane: LocalPlane
    private let radius: Double
    private let cellSize: Double
    private var cells: [Int64: [Int]] = [:]
    private let samples: [Coordinate]

    init(_ samples: [Coordinate], radius: Double) {
        plane = LocalPlane(origin: samples.first ?? Coordinate(latitude: 0, longitude: 0))
        self.radius = radius
        cellSize = radius * 1.05
        self.samples = samples
        for (offset, sample) in samples.enumerated() { cells[key(cell(sample)), default: []].append(offset) }
    }

    /// Offsets of the samples within `radius` metres of `place`.
    func samples(near place: Coordinate) -> [Int] {
        let (x, y) = cell(place)
        var found: [Int] = []
        for dx in -1...1 {
            for dy in -1...1 {
                for offset in cells[key((x + dx, y + dy))] ?? [] where Geodesic.distance(place, samples[offset]) <= radius {
                    found.append(offset)
                }
            }
        }
        return found
    }

    private func cell(_ c: Coordinate) -> (Int, Int) {
        let (x, y) = plane.project(c)
        return (Int((x / cellSize).rounded(.down)), Int((y / cellSize).rounded(.down)))
    }

    private func key(_ cell: (Int, Int)) -> Int64 { Int64(cell.0) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: cell.1))) }
}
