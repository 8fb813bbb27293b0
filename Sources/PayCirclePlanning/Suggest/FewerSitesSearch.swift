import PayCircleCore

/// Looks for fewer sites than greedy needed to bring a number of people within the walk: with one site
/// fewer, it starts from greedy's first picks and swaps a chosen site for another candidate while that
/// brings in more people (best swap first), until the goal is met or no swap helps; on success it tries
/// one fewer again. Greedy can need more sites than the fewest (it commits to its first pick); swaps
/// often recover that. Its work is bounded by `budget` samples read, after which it keeps what it found.
struct FewerSitesSearch {
    /// Samples each candidate reaches.
    let reach: [[Int32]]
    let people: [Double]
    /// Samples the existing channels already cover.
    let alreadyCovered: [Bool]
    /// People the new sites must bring in.
    let goal: Double
    /// When to give up altogether (checked once per swap round).
    var deadline = Deadline.none
    var budget = 20_000_000

    /// The smallest set found that meets the goal, starting from greedy's picks (which meet it).
    mutating func smallest(startingFrom greedy: [Int]) throws(DeadlineExceeded) -> [Int] {
        var best = greedy
        while best.count > 1, budget > 0, let smaller = try meetGoal(with: Array(best.prefix(best.count - 1))) {
            best = smaller
        }
        return best
    }

    /// Swaps sites of `start` until they meet the goal; nil when they cannot (or the budget runs out).
    private mutating func meetGoal(with start: [Int]) throws(DeadlineExceeded) -> [Int]? {
        var chosen = start
        var counts = [UInt16](repeating: 0, count: people.count)
        for site in chosen { for sample in reach[site] { counts[Int(sample)] += 1 } }
        var value = newlyCovered(counts)
        while value < goal {
            try deadline.check()
            var bestSwap: (position: Int, candidate: Int, value: Double)?
            for position in chosen.indices {
                let site = chosen[position]
                var lost = 0.0
                for sample in reach[site] {
                    counts[Int(sample)] -= 1
                    if counts[Int(sample)] == 0, !alreadyCovered[Int(sample)] { lost += people[Int(sample)] }
                }
                for candidate in reach.indices where !chosen.contains(candidate) {
                    budget -= reach[candidate].count
                    var gained = 0.0
                    for sample in reach[candidate] where counts[Int(sample)] == 0 && !alreadyCovered[Int(sample)] { gained += people[Int(sample)] }
                    if value - lost + gained > (bestSwap?.value ?? value) + 1e-9 { bestSwap = (position, candidate, value - lost + gained) }
                }
                for sample in reach[site] { counts[Int(sample)] += 1 }
                if budget <= 0 { return nil }
            }
            guard let swap = bestSwap else { return nil }
            for sample in reach[chosen[swap.position]] { counts[Int(sample)] -= 1 }
            for sample in reach[swap.candidate] { counts[Int(sample)] += 1 }
            chosen[swap.position] = swap.candidate
            value = swap.value
        }
        return chosen
    }

    private func newlyCovered(_ counts: [UInt16]) -> Double {
        counts.indices.reduce(0) { counts[$1] > 0 && !alreadyCovered[$1] ? $0 + people[$1] : $0 }
    }
}
