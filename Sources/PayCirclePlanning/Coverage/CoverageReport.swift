import Foundation
import PayCircleCore

/// How many people live within the walk of an open channel, area by area.
public struct CoverageReport: Sendable {
    public struct Area: Sendable, Hashable {
        public var id: String
        public var name: String
        public var population: Double
        public var coveredPopulation: Double
        /// Half the people walk at most this long; nil when that is over an hour or no one lives there.
        public var medianWalkSeconds: Double?
        public var method: PopulationMethod

        public var coveredShare: Double { population > 0 ? coveredPopulation / population : 0 }
        public var uncoveredPopulation: Double { max(0, population - coveredPopulation) }
    }

    public var minutes: Double
    public var at: Date
    /// Where the areas and their populations come from.
    public var populationSource: String
    public var kinds: Set<PointKind>?
    public var detourFactor: Double
    public var channels: ChannelCounts
    public var areas: [Area]

    public var population: Double { areas.reduce(0) { $0 + $1.population } }
    public var coveredPopulation: Double { areas.reduce(0) { $0 + $1.coveredPopulation } }
    public var coveredShare: Double { population > 0 ? coveredPopulation / population : 0 }

    /// One line on how the people were placed and priced, for printing with the figures.
    public var methodNote: String {
        let counts = Dictionary(grouping: areas, by: \.method).mapValues(\.count)
        var parts = PopulationMethod.allCases.compactMap { method in
            counts[method].map { "\($0) area\($0 == 1 ? "" : "s"): \(method.explanation)" }
        }
        if counts[.straightLine] != nil { parts.append(String(format: "detour factor %.2f", detourFactor)) }
        return parts.joined(separator: "; ")
    }
}
