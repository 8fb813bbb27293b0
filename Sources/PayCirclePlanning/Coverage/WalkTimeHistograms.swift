/// People by walking time in 10-second bins up to an hour, one histogram per area, for medians without
/// sorting millions of samples; those beyond an hour or unreachable share one overflow bin. The areas'
/// bins lie in one flat array, so adding a sample is one index computation and one addition.
struct WalkTimeHistograms: Sendable {
    static let binSeconds = 10.0
    static let bins = 360
    private static let stride = bins + 1

    private var people: [Double]

    init(areaCount: Int) {
        people = [Double](repeating: 0, count: areaCount * Self.stride)
    }

    mutating func add(_ seconds: Double, people weight: Double, area: Int) {
        let bin = seconds.isFinite ? min(Self.bins, Int(seconds / Self.binSeconds)) : Self.bins
        people[area * Self.stride + bin] += weight
    }

    /// The walking time half of the area's people are within, interpolated inside its bin; nil when that
    /// is more than an hour (or no one is counted).
    func median(of area: Int) -> Double? {
        let bins = people[(area * Self.stride)..<((area + 1) * Self.stride)]
        let total = bins.reduce(0, +)
        guard total > 0 else { return nil }
        var below = 0.0
        for (bin, count) in bins.prefix(Self.bins).enumerated() where count > 0 {
            if below + count >= total / 2 {
                return (Double(bin) + (total / 2 - below) / count) * Self.binSeconds
            }
            below += count
        }
        return nil
    }
}
