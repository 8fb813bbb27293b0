import ArgumentParser
import Foundation
import PayCircleCore
import PayCircleEngine
import PayCirclePlanning
import PayCircleStore

struct HallsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "halls",
        abstract: "What the halls' queue machines reported.",
        subcommands: [HallsLoadCommand.self]
    )
}

/// `paycircle halls load --from DATE --to DATE`: per hall and hour, customers served, waits and handling times.
struct HallsLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Per hall and hour of the day: customers served, mean wait, handling time and queue, from the recorded queue reports.",
        discussion: """
            Served counts are a lower bound: they count the counters' work while people waited. Dates are \
            days in China Standard Time (2026-11-24) or ISO 8601 times; --to is not included.
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "First day or time.") var from: String
    @Option(help: "Day or time the report stops before.") var to: String
    @Option(help: "Output format: table, json or svg.") var format: Format = .table
    @Option(help: "Write the output to this file instead of printing it.") var output: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, svg }

    func run() async throws {
        let start = try Self.moment(from, option: "--from"), end = try Self.moment(to, option: "--to")
        guard start < end else { throw ValidationError("--from must be before --to") }
        let report = try await store.openEngine(loading: []).hallLoad(from: start, to: end)
        let text: String
        switch format {
        case .json: text = String(decoding: report.jsonBytes, as: UTF8.self) + "\n"
        case .svg: text = report.svg
        case .table:
            let rows = report.rows.map { row in
                [row.hallID, row.hallName, String(format: "%02d:00", row.hour), String(row.reports), String(format: "%.0f", row.served),
                 String(format: "%.1f", row.meanWaitSeconds / 60), String(format: "%.0f", row.meanHandlingSeconds), String(format: "%.1f", row.meanWaiting)]
            }
            text = rows.isEmpty ? "No queue reports from \(from) to \(to).\n"
                : TextTable(header: ["hall", "name", "hour", "reports", "served", "mean_wait_min", "handling_s", "mean_waiting"], rows: rows).rendered + "\n"
        }
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
            print("Wrote \(output).")
        } else {
            print(text, terminator: "")
        }
    }

    /// A day (midnight in China Standard Time) or an ISO 8601 time.
    static func moment(_ text: String, option: String) throws -> Date {
        if let date = PointRecord.parseTimestamp(text) { return date }
        if text.count == 10, let date = PointRecord.parseTimestamp(text + "T00:00:00+08:00") { return date }
        throw ValidationError("\(option) '\(text)' is not a day (2026-11-24) or an ISO 8601 time")
    }
}
