import HeapModule
import PayCircleCore
import PayCircleNetwork

extension CoveragePlanner {
    /// Chooses new sites among `candidates` greedily: each the one that adds the most people not yet
    /// within the walk of an open channel or of a site chosen before it (the existing channels stay).
    /// Gains only shrink as sites are added, so a candidate whose stale gain still beats every other
    /// stale gain is re-priced and, if it still wins, taken without re-pricing the rest (lazy greedy).
    ///
    /// Lists `sites` sites; with `targetShare` it goes on until the covered share reaches it (listing them
    /// all when that is more than `sites`), then looks for fewer sites that reach it too
    /// (``FewerSitesSearch``) and reports the smallest set found.
    ///
    /// Throws ``DeadlineExceeded`` when `deadline` passes first (it is checked between candidates).
    public func suggest(candidates: [CandidateSite], sites: Int, targetShare: Double? = nil, settings: CoverageSettings,
                        deadline: Deadline = .none) throws(DeadlineExceeded) -> SuggestionReport {
        var covered = [Bool](repeating: false, count: layout.sampleCount)
        var people = [Double](repeating: 0, count: layout.sampleCount)
        let before = coverage(settings) { sample, _, weight, seconds in
            people[sample] = weight
            covered[sample] = seconds <= settings.seconds
        }
        let grid = SurfaceSampleGrid(layout.surfaceSamples.map(\.coordinate), radius: settings.seconds * layout.walkingSpeed / settings.detourFactor)
        var reach: [[Int32]] = []
        reach.reserveCapacity(candidates.count)
        for candidate in candidates {
            try deadline.check()
            reach.append(reachedSamples(from: candidate.location, settings: settings, surface: grid))
        }
        let initiallyCovered = covered
        let population = before.population
        var coveredPopulation = before.coveredPopulation

        func gain(_ candidate: Int) -> Double { reach[candidate].reduce(0) { covered[Int($1)] ? $0 : $0 + people[Int($1)] } }
        var queue = Heap(candidates.indices.map { Priced(gain: gain($0), id: candidates[$0].id, index: $0) })
        var chosen: [SuggestionReport.Site] = []
        var picks: [Int] = []
        var sitesForTarget: Int? = targetShare.flatMap { before.coveredShare >= $0 ? 0 : nil }
        while let best = queue.popMax(), best.gain > 0 {
            try deadline.check()
            let fresh = Priced(gain: gain(best.index), id: best.id, index: best.index)
            if let next = queue.max, next > fresh {
                queue.insert(fresh)
                continue
            }
            guard fresh.gain > 0 else { break }
            for sample in reach[fresh.index] { covered[Int(sample)] = true }
            coveredPopulation += fresh.gain
            let share = population > 0 ? min(1, coveredPopulation / population) : 0
            chosen.append(.init(rank: chosen.count + 1, candidate: candidates[fresh.index], addedPopulation: fresh.gain, coveredShareAfter: share))
            picks.append(fresh.index)
            if let targetShare, sitesForTarget == nil, share >= targetShare { sitesForTarget = chosen.count }
            if chosen.count >= sites && (targetShare == nil || sitesForTarget != nil) { break }
        }
        let listed = max(sites, sitesForTarget ?? 0)
        var targetSites: [CandidateSite]?
        if let targetShare, let needed = sitesForTarget {
            var search = FewerSitesSearch(reach: reach, people: people, alreadyCovered: initiallyCovered,
                                          goal: targetShare * population - before.coveredPopulation - 1e-6, deadline: deadline)
            targetSites = try search.smallest(startingFrom: Array(picks.prefix(needed))).map { candidates[$0] }
        }
        return SuggestionReport(before: before, sites: Array(chosen.prefix(listed)), candidatesConsidered: candidates.count,
                                targetShare: targetShare, targetSites: targetSites)
    }

    /// The samples within the walk of a channel at `place`: along the network to where it snaps, and by
    /// straight line for surface samples.
    func reachedSamples(from place: Coordinate, settings: CoverageSettings, surface: SurfaceSampleGrid) -> [Int32] {
        var found: [Int32] = []
        let limit = settings.seconds, speed = layout.walkingSpeed
        if let graph, let location = try? graph.snap(place) {
            graph.withWalkingTimes(to: [(location, location.snapDistance / speed)], limit: limit) { times in
                for edge in times.reachedEdges {
                    let along = times.along(edge)
                    for piece in layout.pieces(onEdge: edge) {
                        for index in 0..<piece.samples where along.seconds(at: piece.fraction(ofSample: index)) <= limit {
                            found.append(piece.firstSample + index)
                        }
                    }
                    for (offset, place) in layout.places(onEdge: edge)
                    where along.seconds(at: place.location.fraction) + place.location.snapDistance / speed <= limit {
                        found.append(Int32(layout.streetSampleCount + offset))
                    }
                }
            }
        }
        let first = layout.streetSampleCount + layout.places.count
        found.append(contentsOf: surface.samples(near: place).map { Int32(first + $0) })
        return found
    }
}

/// A candidate in the greedy queue, ordered by gain, then by id (the smaller id first).
private struct Priced: Comparable {
    var gain: Double
    var id: String
    var index: Int

    static func < (a: Priced, b: Priced) -> Bool { (a.gain, b.id) < (b.gain, a.id) }
    static func == (a: Priced, b: Priced) -> Bool { a.gain == b.gain && a.id == b.id }
}
