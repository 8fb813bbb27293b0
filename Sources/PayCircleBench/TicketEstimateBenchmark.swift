import ArgumentParser
import Foundation
import PayCircleCore

/// The cost of one ticket's call-time estimate (expected call and 80% band) at growing queue lengths,
/// against the former estimate: a bisection on an O(k) Poisson sum at each of its 80 steps.
struct TicketEstimateBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tickets",
                                                    abstract: "Ticket call-time estimates: Erlang tails against the former O(k)-per-step bisection.")

    @Option(help: "Queue lengths (people ahead) to measure, comma-separated.") var ahead = "10,100,1000,10000"
    @Option(help: "Estimates per length.") var repeats = 200
    @Option(help: "Estimates per length for the former bisection (slow at long queues).") var baselineRepeats = 5

    func run() throws {
        let lengths = ahead.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        print("ahead   estimate median (µs)   former bisection median (µs)   ratio   90th-percentile call: new vs former (s)")
        for length in lengths {
            let place = QueuePlace(remaining: length + 1, rate: 1.0 / 60, since: Date(timeIntervalSince1970: 0))
            let now = Date(timeIntervalSince1970: Double(length) * 30)   // halfway through the expected wait
            var fast = Measurements(), former = Measurements()
            var fastCall = 0.0, formerCall = 0.0
            for _ in 0..<repeats {
                let clock = ContinuousClock()
                fast.record(clock.measure { fastCall = place.callTime(at: now).late.timeIntervalSince1970 })
            }
            for _ in 0..<baselineRepeats {
                let clock = ContinuousClock()
                former.record(clock.measure { formerCall = Self.formerLate(place, now: now) })
            }
            print(String(format: "%6d   %20.1f   %28.1f   %5.0fx   %.3f vs %.3f", length, fast.median * 1e6, former.median * 1e6,
                         former.median / fast.median, fastCall, formerCall))
        }
    }

    /// The 90th percentile of the call as the former code found it: P(S ≤ x | S > t) by 80 bisection
    /// steps, each summing the Poisson tail term by term.
    static func formerLate(_ place: QueuePlace, now: Date) -> Double {
        let k = place.remaining, rate = place.rate
        let t = max(0, now.timeIntervalSince(place.since))
        let stillWaiting = Erlang.poissonCDF(k - 1, rate * t)
        let mean = Double(k) / rate * Erlang.poissonCDF(k, rate * t) / stillWaiting
        var low = t, high = max(t, mean) * 2 + 1
        while (stillWaiting - Erlang.poissonCDF(k - 1, rate * high)) / stillWaiting < 0.9 { high *= 2 }
        for _ in 0..<80 {
            let middle = (low + high) / 2
            if (stillWaiting - Erlang.poissonCDF(k - 1, rate * middle)) / stillWaiting < 0.9 { low = middle } else { high = middle }
        }
        return place.since.addingTimeInterval((low + high) / 2).timeIntervalSince1970
    }
}
