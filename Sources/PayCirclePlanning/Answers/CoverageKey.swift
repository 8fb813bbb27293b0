import PayCircleCore

/// What a coverage answer depends on besides the moment it is asked for: two moments at which the same
/// channels count (and the same stand closed or unknown) have the same answer, so a key holds the counted
/// channels rather than the moment.
struct CoverageKey: Hashable, Sendable {
    var seconds: Double
    var detourFactor: Double
    var kinds: Set<PointKind>?
    var countUnknownHoursAsOpen: Bool
    var counted: [Int]
    var counts: ChannelCounts
    /// What else distinguishes the answer: the gap threshold, a map's format and moment, or nothing.
    var variant: String

    init(_ settings: CoverageSettings, planner: CoveragePlanner, variant: String = "") {
        let (counted, counts) = planner.countedChannels(settings)
        seconds = settings.seconds
        detourFactor = settings.detourFactor
        kinds = settings.kinds
        countUnknownHoursAsOpen = settings.countUnknownHoursAsOpen
        self.counted = counted
        self.counts = counts
        self.variant = variant
    }
}
