/// People by walking time in 10-second bins up to an hour, one histogram per area, for medians without
/// sorting millions of samples; those beyond an hour or unreachable share one overflow bin. The areas'
/// bins lie in one buffer the histograms own, so adding a sample is one index computation and one addition,
/// with no copy-on-write check (a coverage pass adds millions).
final class WalkTimeHistograms {
    static let binSeconds = 10.0
    static let bins = 360
    private static let stride = bins + 1

    private let people: UnsafeMutableBufferPointer<Double>

    init(areaCount: Int) {
        people = .allocate(capacity: areaCount * Self.stride)
        people.initialize(repeating: 0)
    }

    deinit { people.deallocate() }

    func add(_ seconds: Double, people weight: Double, area: Int) {
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
