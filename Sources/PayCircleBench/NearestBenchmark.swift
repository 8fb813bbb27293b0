import ArgumentParser
import CSpatiaLite
import Foundation
import PayCircleCore
import PayCircleSpatiaLite
import PayCircleStore
import PayCircleSimulation

/// Nearest k=5 by straight line on N synthetic points: the in-memory index against the SpatiaLite SQL
/// query a SpatiaLite user would write (R*Tree prefilter on a growing circle MBR + geodesic ST_Distance),
/// in the same run, on the same points and queries, with the answers cross-checked.
struct NearestBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nearest", abstract: "Nearest k=5: in process vs SpatiaLite SQL.")

    @Option(help: "How many points.") var points = 1_000_000
    @Option(help: "Queries for the in-process index.") var queries = 20_000
    @Option(help: "Queries for the SQL baseline (slower).") var sqlQueries = 1_000
    @Option(help: "Random seed.") var seed: UInt64 = 42
    @Option(help: "SpatiaLite file to build (removed first).") var db = "/tmp/paycircle-bench.sqlite"

    func run() async throws {
        let clock = ContinuousClock()
        let city = SyntheticCity.points(count: points, seed: seed)
        var random = SeededGenerator(seed: seed ^ 0xDEC0DE)
        let origins = (0..<max(queries, sqlQueries)).map { _ in SyntheticCity.randomLocation(&random) }

        var index = PointIndex()
        let build = clock.measure { index = PointIndex(city) }
        var inProcess = Measurements()
        let tree = GeodesicKDTree(city.map(\.location))
        var treeOnly = Measurements()
        for origin in origins.prefix(queries) {
            treeOnly.record(clock.measure { _ = tree.nearest(to: origin, k: 5) })
        }
        var answers: [[String]] = []
        for origin in origins.prefix(queries) {
            var found: [NearestMatch] = []
            inProcess.record(clock.measure { found = index.nearest(NearestQuery(location: origin, k: 5)) })
            if answers.count < sqlQueries { answers.append(found.map(\.point.id)) }
        }
        // The whole answer as the API gives it: the query's parameters read, the search, and the JSON written,
        // with the server's record table: a first pass renders and keeps the records (a point found again within
        // it is kept already), a second pass over the same queries finds them all kept (as the HTTP benchmark
        // does after its first 10,000 requests).
        let fields = PointFieldTable(for: index, crs: .wgs84)
        let parameters = origins.prefix(queries).map { origin in
            QueryParameters(["lat": String(format: "%.6f", origin.latitude), "lon": String(format: "%.6f", origin.longitude), "k": "5"])
        }
        var answeredFirst = Measurements(), answeredAgain = Measurements()
        var answerBytes = 0
        for pass in 0..<2 {
            for query in parameters {
                let time = try clock.measure {
                    let request = try NearestRequest(query)
                    answerBytes += NearestResponse(request: request, matches: index.nearestAnswer(request.query), fields: fields).jsonBytes.count
                }
                if pass == 0 { answeredFirst.record(time) } else { answeredAgain.record(time) }
            }
        }

        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        let store = try SpatiaLiteStore(path: db)
        let load = try await clock.measure { try await store.write(PointChange(upserts: city)) }
        let baseline = try SQLNearestBaseline(path: db)
        var sql = Measurements()
        var disagreements = 0
        for (number, origin) in origins.prefix(sqlQueries).enumerated() {
            var ids: [String] = []
            try sql.record(clock.measure { ids = try baseline.nearest(origin, k: 5) })
            if number < answers.count, ids != answers[number] { disagreements += 1 }
        }

        let micro = { (seconds: Double) in String(format: "%.1f µs", seconds * 1e6) }
        print("nearest k=5 on \(points) points (seed \(seed))")
        print("  index build              \(build)")
        print("  in process  (\(queries) queries)  median \(micro(inProcess.median))  p99 \(micro(inProcess.percentile(0.99)))")
        print("  tree only   median \(micro(treeOnly.median))")
        print("  whole answer (parameters, search, JSON of \(answerBytes / max(1, 2 * parameters.count)) bytes on average)")
        print("    first pass (records rendered unless found before)  median \(micro(answeredFirst.median))  p99 \(micro(answeredFirst.percentile(0.99)))")
        print("    second pass (records kept)  median \(micro(answeredAgain.median))  p99 \(micro(answeredAgain.percentile(0.99)))")
        print("  SpatiaLite SQL (\(sqlQueries) queries)  median \(micro(sql.median))  p99 \(micro(sql.percentile(0.99)))")
        print(String(format: "  speed-up (median)        %.0fx", sql.median / inProcess.median))
        print("  answers that differ      \(disagreements) of \(min(sqlQueries, answers.count))")
        print("  store load (one transaction) \(load)")
    }
}
