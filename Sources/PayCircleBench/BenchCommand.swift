import ArgumentParser

@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paycircle-bench",
        abstract: "Release-mode benchmarks of PayCircle against SpatiaLite SQL baselines, and a data generator.",
        subcommands: [NearestBenchmark.self, NearestAnswerBenchmark.self, NetworkBenchmark.self, CoverageBenchmark.self, ImportBenchmark.self, TicketEstimateBenchmark.self, HallDayBenchmark.self, GeneratePoints.self, HTTPFloor.self]
    )
}
