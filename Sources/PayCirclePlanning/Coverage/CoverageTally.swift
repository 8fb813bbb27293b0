/// What a coverage pass keeps of each sample: people within the limit and a walking-time histogram per
/// area, and, when asked, every sample handed on to `observe`. The totals live in buffers the tally owns,
/// written without copy-on-write checks.
final class CoverageTally: SampleSink {
    let limit: Double
    private let coveredPeople: UnsafeMutableBufferPointer<Double>
    let histograms: WalkTimeHistograms
    let observe: ((_ sample: Int, _ area: Int32, _ people: Double, _ seconds: Double) -> Void)?

    init(areaCount: Int, limit: Double, observe: ((_ sample: Int, _ area: Int32, _ people: Double, _ seconds: Double) -> Void)?) {
        self.limit = limit
        coveredPeople = .allocate(capacity: areaCount)
        coveredPeople.initialize(repeating: 0)
        histograms = WalkTimeHistograms(areaCount: areaCount)
        self.observe = observe
    }

    deinit { coveredPeople.deallocate() }

    /// People of area `area` within the limit.
    func covered(_ area: Int) -> Double { coveredPeople[area] }

    func add(sample: Int, area: Int32, people: Double, seconds: Double) {
        if seconds <= limit { coveredPeople[Int(area)] += people }
        histograms.add(seconds, people: people, area: Int(area))
        observe?(sample, area, people, seconds)
    }
}
