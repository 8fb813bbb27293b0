import ArgumentParser
import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCirclePlanning
import PayCircleStore

/// The options every planning command shares, and the planner they question.
struct PlanningOptions: ParsableArguments {
    @Option(help: "Walking minutes (1-60).") var minutes = "10"
    @Option(help: "The moment channels must be open at, ISO 8601 (default: now).") var at: String?
    @Option(help: "Count only channels of these kinds, comma-separated: hall, kiosk, bank_booth, bank_branch, agency.") var kind: String?
    @Option(name: .customLong("unknown-hours"), help: "Channels whose hours do not say: closed (not counted) or open.") var unknownHours = "closed"
    @Option(name: .customLong("detour-factor"), help: "Walking over straight-line distance for areas without streets (1-3).") var detourFactor = "1.3"

    /// The options as API parameters, plus those a command adds.
    func parameters(_ extra: [String: String?] = [:]) -> QueryParameters {
        var values = ["minutes": minutes, "unknown_hours": unknownHours, "detour_factor": detourFactor]
        values["at"] = at
        values["kind"] = kind
        for (name, value) in extra { values[name] = value }
        return QueryParameters(values)
    }

    func request(_ extra: [String: String?] = [:]) throws -> PlanningRequest {
        try PlanningRequest(parameters(extra))
    }
}

extension StoreOptions {
    /// The planner over the stored channels, network, areas and buildings.
    func openPlanner() throws -> CoveragePlanner {
        let registry = try openRegistry()
        let graph = try openGraph(registry)
        guard let layout = try PopulationLayout.load(from: registry.store, graph: graph) else {
            throw ValidationError("no population: import areas with 'paycircle import areas FILE.geojson', or an OSM file with residential buildings")
        }
        return CoveragePlanner(channels: registry.index.allPoints, layout: layout, graph: graph)
    }
}

/// Formats for text answers: a table for people, JSON for programs.
func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

func people(_ count: Double) -> String { String(format: "%.0f", count) }

func minutesText(_ seconds: Double?) -> String { seconds.map { String(format: "%.1f", $0 / 60) } ?? ">60" }
