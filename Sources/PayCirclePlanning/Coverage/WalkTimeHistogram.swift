/// People by walking time in 10-second bins up to an hour, for medians without sorting millions of
/// samples; those beyond an hour or unreachable share one overflow bin.
struct WalkTimeHistogram: Sendable {
    static let binSeconds = 10.0
    static let bins = 360

    private var people = [Double](repeating: 0, count: bins + 1)

    mutating func add(_ seconds: Double, people weight: Double) {
        let bin = seconds.isFinite ? min(Self.bins, Int(seconds / Self.binSeconds)) : Self.bins
        people[bin] += weight
    }

    /// The walking time half of the people are within, interpolated inside its bin; nil when that is more
    /// than an hour (or no one is counted).
    var median: Double? {
        let total = people.reduce(0, +)
        guard total > 0 else { return nil }
        var below = 0.0
        for bin in 0..<Self.bins where people[bin] > 0 {
            if below + people[bin] >= total / 2 {
                return (Double(bin) + (total / 2 - below) / people[bin]) * Self.binSeconds
            }
            below += people[bin]
        }
        return nil
    }
}
