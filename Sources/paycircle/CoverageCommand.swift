import ArgumentParser
import Foundation
import PayCircleCore
import PayCirclePlanning

struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "How many people live within a walk of a channel open at a moment, area by area.",
        discussion: "With --compare-at the same figures follow for a second moment (day against night)."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var planning: PlanningOptions
    @Option(name: .customLong("compare-at"), help: "A second moment to compare with, ISO 8601.") var compareAt: String?
    @Option(help: "Output format: table, json, geojson, svg or png.") var format: PlanningFormat = .table
    @Option(help: "File to write an svg or png map to (svg defaults to standard output).") var output: String?

    func run() async throws {
        let request = try planning.request(["compare_at": compareAt])
        let planner = try await store.openPlanner()
        let report = planner.coverage(request.settings)
        let compare = request.comparison.map(planner.coverage)
        switch format {
        case .json: printJSON(CoverageResponse(report, compare: compare))
        case .geojson: printJSON(CoverageResponse(report, polygons: planner.layout.areas.map(\.polygons)))
        case .svg, .png: try writeMap(planner: planner, settings: request.settings, format: format, output: output)
        case .table:
            printSummary(report)
            if let compare {
                print("")
                printSummary(compare)
            }
            let rows = report.areas.enumerated().map { index, area in
                [area.id, area.name, people(area.population), people(area.coveredPopulation), percent(area.coveredShare)]
                    + (compare.map { [percent($0.areas[index].coveredShare)] } ?? [])
                    + [minutesText(area.medianWalkSeconds), area.method.rawValue]
            }
            let header = ["id", "name", "population", "covered", "share"] + (compare == nil ? [] : ["share_compare"]) + ["median_min", "method"]
            print(TextTable(header: header, rows: rows).rendered)
        }
    }
}
