import ArgumentParser
import Foundation
import PayCircleCore
import PayCirclePlanning

struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "How many people live within a walk of a channel open at a moment, area by area.",
        discussion: """
            With --compare-at the same figures follow for a second moment (day against night). With --hours, the covered \
            share at the start of each hour of a day (--date, default the day of --at or today) in the time zone most \
            channels keep.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var planning: PlanningOptions
    @Option(name: .customLong("compare-at"), help: "A second moment to compare with, ISO 8601.") var compareAt: String?
    @Flag(help: "The covered share at each hour of a day instead.") var hours = false
    @Option(help: "With --hours: the day, YYYY-MM-DD.") var date: String?
    @Option(help: "Output format: table, json, geojson, svg or png.") var format: PlanningFormat = .table
    @Option(help: "File to write an svg or png map to (svg defaults to standard output).") var output: String?

    func run() async throws {
        let request = try planning.request(["compare_at": compareAt])
        let planner = try await store.openPlanner()
        if hours { return try printHours(planner: planner, settings: request.settings) }
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

    /// `--hours`: a row per hour of the day.
    private func printHours(planner: CoveragePlanner, settings: CoverageSettings) throws {
        let zone = PaymentPoint.commonTimeZone(of: planner.channels)
        let day = date ?? PlanningAnswers.localDay(of: settings.at, in: zone)
        guard let reports = PlanningAnswers(planner: planner).coverageByHour(settings, date: day, timeZone: zone) else {
            throw ValidationError("--date: expected a day such as 2026-12-01")
        }
        let response = CoverageHoursResponse(date: day, timeZone: zone, reports: reports)
        switch format {
        case .json: printJSON(response)
        case .table:
            print("Within \(Int(settings.minutes)) min on \(day) (\(zone)), hour by hour:")
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: zone) ?? .gmt
            let rows = reports.map { report in
                [String(format: "%02d:00", calendar.component(.hour, from: report.at)), percent(report.coveredShare), people(report.coveredPopulation),
                 String(report.channels.counted), String(report.channels.assumedHours)]
            }
            print(TextTable(header: ["hour", "share", "covered", "channels", "assumed_hours"], rows: rows).rendered)
        default: throw ValidationError("--hours prints a table or json")
        }
    }
}
