/// Latency samples in seconds with the summary statistics the benchmarks report.
struct Measurements {
    private(set) var samples: [Double] = []

    init(samples: [Double] = []) { self.samples = samples }

    mutating func record(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        samples.append(Double(seconds) + Double(attoseconds) * 1e-18)
    }

    func percentile(_ p: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    var median: Double { percentile(0.5) }
}
