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
    @Option(name: .customLong("unknown-hours"),
            help: "Channels whose hours nobody mapped: closed (not counted) or open. Given, it also overrides the hours the import assumed (e.g. ATMs 24/7); left out, those assumptions hold and the rest count as closed.")
    var unknownHours: String?
    @Option(name: .customLong("detour-factor"), help: "Walking over straight-line distance for areas without streets (1-3).") var detourFactor = "1.3"

    /// The options as API parameters, plus those a command adds.
    func parameters(_ extra: [String: String?] = [:]) -> QueryParameters {
        var values = ["minutes": minutes, "detour_factor": detourFactor]
        values["unknown_hours"] = unknownHours
        values["at"] = at
        values["kind"] = kind
        for (name, value) in extra { values[name] = value }
        return QueryParameters(values)
    }

    func request(_ extra: [String: String?] = [:]) throws -> PlanningRequest {
        try PlanningRequest(parameters(extra))
    }
}
