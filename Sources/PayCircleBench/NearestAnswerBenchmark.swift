import ArgumentParser
import Dispatch
import Foundation
import PayCircleCore
import PayCircleSimulation
import Synchronization

/// The whole nearest answer as the server computes it (parameters read, search, JSON with kept records),
/// on one thread and then on several at once over the same index and record table, cycling through
/// 10,000 places as `Tools/nearest.lua` does. On two threads the answers share the index's and the table's
/// memory, and the index's reference counts, as the server's two cores do: the difference from one thread
/// is what that sharing costs. With `--evict-kib`, each answer is also timed alone, stage by stage, after the thread
/// has written that much other memory, as a server's thread does between two answers: the answer then
/// starts with its data out of the nearer caches.
struct NearestAnswerBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nearest-answer", abstract: "The whole nearest answer, on one thread and on several.")

    @Option(help: "How many points.") var points = 100_000
    @Option(help: "Passes over the 10,000 places per thread.") var rounds = 10
    @Option(help: "Threads answering at once in the second measurement.") var threads = 2
    @Option(help: "Random seed of the points.") var seed: UInt64 = 42
    @Option(help: "KiB of other memory written before each answer of a stage-by-stage measurement; 0 for none.")
    var evictKib = 0

    func validate() throws {
        guard points > 0, rounds > 0, threads > 0 else { throw ValidationError("points, rounds and threads must be positive") }
        guard evictKib >= 0 else { throw ValidationError("--evict-kib must not be negative") }
    }

    func run() throws {
        let city = SyntheticCity.points(count: points, seed: seed)
        var random = SeededGenerator(seed: 7)
        let parameters = (0..<10_000).map { _ in
            let place = SyntheticCity.randomLocation(&random)
            return QueryParameters(pairs: [(name: "lat", value: String(format: "%.6f", place.latitude)),
                                           (name: "lon", value: String(format: "%.6f", place.longitude)), (name: "k", value: "5")])
        }
        let index = PointIndex(city)
        let now = Date()
        // One pass keeps every record the measured passes will write.
        var bytes = 0
        for query in parameters { bytes += try Self.answer(query, index, now) }
        print("nearest answer, k=5, on \(points) points, 10,000 places cycled \(rounds) times per thread, \(bytes / parameters.count) bytes on average")
        for count in Array(Set([1, threads])).sorted() {
            let perAnswer = try Self.timePerAnswer(threads: count, rounds: rounds, parameters, index, now)
            print(String(format: "  %d thread%@  %.2f µs per answer on each thread", count, count == 1 ? " " : "s", perAnswer * 1e6))
        }
        if evictKib > 0 { try Self.timeStages(evictingKiB: evictKib, parameters, index, now) }
    }

    /// Times each answer's stages (parameters, search, JSON) alone, each answer after writing `kib` KiB of
    /// other memory, and prints the medians.
    private static func timeStages(evictingKiB kib: Int, _ parameters: [QueryParameters], _ index: PointIndex, _ now: Date) throws {
        var other = [UInt64](repeating: 0, count: kib * 1024 / 8)
        var parse = Measurements(), search = Measurements(), json = Measurements(), whole = Measurements()
        let clock = ContinuousClock()
        for (number, query) in parameters.enumerated() {
            other.withUnsafeMutableBufferPointer { words in
                for position in stride(from: 0, to: words.count, by: 8) { words[position] &+= UInt64(number) }
            }
            let start = clock.now
            let request = try NearestRequest(query, now: now)
            let parsed = clock.now
            let matches = index.nearestAnswer(request.query)
            let searched = clock.now
            let length = written(request, matches, index)
            let wrote = clock.now
            guard length > 0 else { throw ValidationError("an empty answer") }
            parse.record(parsed - start); search.record(searched - parsed); json.record(wrote - searched); whole.record(wrote - start)
        }
        print(String(format: "  after writing %d KiB before each answer (medians): parameters %.2f µs, search %.2f µs, JSON %.2f µs, whole %.2f µs",
                     kib, parse.median * 1e6, search.median * 1e6, json.median * 1e6, whole.median * 1e6))
    }

    /// Seconds per answer on each of `threads` threads answering at once.
    private static func timePerAnswer(threads: Int, rounds: Int, _ parameters: [QueryParameters], _ index: PointIndex,
                                      _ now: Date) throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            // Threads walk the places in different orders, as independent clients would.
            let order = thread % 2 == 0 ? Array(parameters) : parameters.reversed()
            for _ in 0..<rounds {
                for query in order where (try? answer(query, index, now)) == nil { failures.add(1, ordering: .relaxed) }
            }
        }
        let elapsed = clock.now - start
        guard failures.load(ordering: .relaxed) == 0 else { throw ValidationError("some places were not answered") }
        let (seconds, attoseconds) = elapsed.components
        return (Double(seconds) + Double(attoseconds) * 1e-18) / Double(rounds * parameters.count)
    }

    /// The answer's JSON length.
    private static func answer(_ query: QueryParameters, _ index: PointIndex, _ now: Date) throws -> Int {
        let request = try NearestRequest(query, now: now)
        return written(request, index.nearestAnswer(request.query), index)
    }

    /// The length of the JSON of `matches`, written as the server writes it: in place, with the records
    /// the tree keeps.
    private static func written(_ request: NearestRequest, _ matches: NearestAnswer, _ index: PointIndex) -> Int {
        index.withFieldTable(crs: request.crs) { fields in
            JSONWriter.withBytes(writing: { NearestResponse.write(request: request, matches: matches, fields: fields, to: &$0) }) { $0.count }
        }
    }
}
