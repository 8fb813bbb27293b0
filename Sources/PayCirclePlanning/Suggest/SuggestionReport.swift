import PayCircleCore

/// New sites chosen one at a time, each the one adding the most covered people given those before it.
public struct SuggestionReport: Sendable {
    public struct Site: Sendable, Hashable {
        /// 1 for the first site chosen.
        public var rank: Int
        public var candidate: CandidateSite
        /// People this site brings within the walk, beyond those reached before it.
        public var addedPopulation: Double
        /// The covered share with this site and those before it.
        public var coveredShareAfter: Double
    }

    /// Coverage by the existing channels alone.
    public var before: CoverageReport
    public var sites: [Site]
    public var candidatesConsidered: Int
    /// The share asked for, and the fewest sites found that reach it (nil: not reachable with these
    /// candidates).
    public var targetShare: Double?
    public var targetSites: [CandidateSite]?

    /// How many sites reach the target share (nil: not reachable, or none asked for).
    public var sitesForTarget: Int? { targetSites?.count }
}
