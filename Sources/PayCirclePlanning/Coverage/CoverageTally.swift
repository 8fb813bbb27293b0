/// What a coverage pass keeps of each sample: people within the limit and a walking-time histogram per
/// area, and, when asked, every sample handed on to `observe`.
struct CoverageTally: SampleSink {
    let limit: Double
    private(set) var covered: [Double]
    private(set) var histograms: WalkTimeHistograms
    let observe: ((_ sample: Int, _ area: Int32, _ people: Double, _ seconds: Double) -> Void)?

    init(areaCount: Int, limit: Double, observe: ((_ sample: Int, _ area: Int32, _ people: Double, _ seconds: Double) -> Void)?) {
        self.limit = limit
        covered = [Double](repeating: 0, count: areaCount)
        histograms = WalkTimeHistograms(areaCount: areaCount)
        self.observe = observe
    }

    mutating func add(sample: Int, area: Int32, people: Double, seconds: Double) {
        if seconds <= limit { covered[Int(area)] += people }
        histograms.add(seconds, people: people, area: Int(area))
        observe?(sample, area, people, seconds)
    }
}
