import ArgumentParser
import Foundation
import PayCircleCore
import PayCirclePlanning

struct GapsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Areas where too few people live within the walk, most uncovered people first.",
        discussion: "GeoJSON output outlines where each gap's uncovered people live."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var planning: PlanningOptions
    @Option(help: "Areas whose covered share is below this are gaps (0-1).") var threshold = "0.9"
    @Option(help: "Output format: table, json or geojson.") var format: OutputFormat = .table

    func run() async throws {
        let request = try planning.request(["threshold": threshold])
        let report = try await store.openPlanner().gaps(request.settings, threshold: request.threshold)
        switch format {
        case .json, .geojson: printJSON(GapResponse(report, asGeoJSON: format == .geojson))
        case .table:
            printSummary(report.coverage)
            print("\(report.gaps.count) areas below \(percent(report.threshold)) covered:")
            let rows = report.gaps.map { gap in
                [gap.area.id, gap.area.name, people(gap.area.population), people(gap.area.uncoveredPopulation),
                 percent(gap.area.coveredShare), minutesText(gap.area.medianWalkSeconds), gap.area.method.rawValue]
            }
            print(TextTable(header: ["id", "name", "population", "uncovered", "share", "median_min", "method"], rows: rows).rendered)
        }
    }
}
