import Foundation
import PayCircleCore
import PayCircleNetwork

/// Answers the planners' questions over one city: who lives within a walk of an open channel
/// (``coverage(_:)``), where they do not (``gaps(_:threshold:)``), and which new sites would reach the most
/// of them (``suggest(candidates:sites:targetShare:settings:)``).
///
/// Walking times come from one multi-source search over the network from every counted channel (each
/// starting with the walk from its door to the network); areas without a network use straight-line
/// distance times the detour factor.
///
/// ```swift
/// let planner = CoveragePlanner(channels: registry.index.allPoints, layout: layout, graph: graph)
/// let report = planner.coverage(CoverageSettings(minutes: 10, at: tenPM))
/// print(report.coveredShare)
/// ```
public final class CoveragePlanner: Sendable {
    public let graph: WalkingGraph?
    public let layout: PopulationLayout
    public let channels: [PaymentPoint]
    /// Each channel on the network, or nil when it is too far from it.
    let channelLocations: [NetworkLocation?]

    public init(channels: [PaymentPoint], layout: PopulationLayout, graph: WalkingGraph?) {
        self.channels = channels
        self.layout = layout
        self.graph = graph.flatMap { $0.isEmpty ? nil : $0 }
        channelLocations = channels.map { [graph] channel in try? graph?.snap(channel.location) }
    }

    /// The channels that count under `settings`, and how all of the chosen kinds stood.
    func countedChannels(_ settings: CoverageSettings) -> (indices: [Int], counts: ChannelCounts) {
        var counts = ChannelCounts()
        var indices: [Int] = []
        for (index, channel) in channels.enumerated() where settings.kinds?.contains(channel.kind) ?? true {
            let open = channel.hoursAssumed && !settings.useAssumedHours ? (channel.status == .online ? nil : false) : channel.isOpen(at: settings.at)
            switch open {
            case true?:
                indices.append(index)
                if channel.hoursAssumed { counts.assumedHours += 1 }
            case false?: counts.closed += 1
            case nil:
                counts.unknownHours += 1
                if settings.countUnknownHoursAsOpen { indices.append(index) }
            }
        }
        counts.counted = indices.count
        counts.offNetwork = graph == nil ? indices.count : indices.filter { channelLocations[$0] == nil }.count
        return (indices, counts)
    }

    /// Hands every sample to `sink` with its walking seconds from the nearest of the given channels.
    func withSampleTimes<Sink: SampleSink>(channels counted: [Int], settings: CoverageSettings, into sink: inout Sink) {
        let straightLine = StraightLineTimes(channels: counted.map { channels[$0].location }, detourFactor: settings.detourFactor,
                                             speed: layout.walkingSpeed)
        guard let graph else {
            layout.forEachSample(times: nil, straightLineSeconds: straightLine.seconds, into: &sink)
            return
        }
        graph.withWalkingTimes(to: networkSources(counted)) { times in
            layout.forEachSample(times: times, straightLineSeconds: straightLine.seconds, into: &sink)
        }
    }

    /// Where the given channels join the network, each with the walk from its door.
    func networkSources(_ counted: [Int]) -> [(location: NetworkLocation, seconds: Double)] {
        counted.compactMap { index in channelLocations[index].map { (location: $0, seconds: $0.snapDistance / layout.walkingSpeed) } }
    }

    /// Population, covered population and median walk of every area under `settings`.
    public func coverage(_ settings: CoverageSettings) -> CoverageReport {
        coverage(settings, observe: nil)
    }

    /// The coverage report; `observe`, when given, also receives every sample with its walking seconds.
    func coverage(_ settings: CoverageSettings, observe: ((_ sample: Int, _ area: Int32, _ people: Double, _ seconds: Double) -> Void)?) -> CoverageReport {
        let (counted, counts) = countedChannels(settings)
        var tally = CoverageTally(areaCount: layout.areas.count, limit: settings.seconds, observe: observe)
        withSampleTimes(channels: counted, settings: settings, into: &tally)
        let areas = layout.areas.enumerated().map { index, area in
            CoverageReport.Area(id: area.id, name: area.name, population: area.population,
                                coveredPopulation: min(area.population, tally.covered(index)),
                                medianWalkSeconds: tally.histograms.median(of: index), method: layout.methods[index])
        }
        return CoverageReport(minutes: settings.minutes, at: settings.at, populationSource: layout.source, kinds: settings.kinds, detourFactor: settings.detourFactor,
                              channels: counts, areas: areas)
    }
}
