import Foundation

/// Candidates of a k-nearest search ranked by chord length, keeping every point that could still be among
/// the k geodesically nearest.
///
/// A geodesic is a surface curve whose curvature never exceeds the ellipsoid's largest principal curvature
/// a/b², so (by the arc-chord comparison for curves of bounded curvature) a chord `c` spans a geodesic of at
/// most `2ρ·asin(c / 2ρ)` with ρ = b²/a. Once k candidates are known, any point whose chord exceeds that
/// bound for the k-th chord is geodesically farther than all k of them and can be dropped. The survivors —
/// k, plus rare near-ties — get their exact geodesic distance at the end.
struct NeighborList {
    /// A radius a little under b²/a = 6,335,439 m, so the bound errs on the safe side.
    private static let smallestCurvatureRadius = 6_330_000.0

    private(set) var candidates: [(chordSquared: Double, index: Int)] = []
    let capacity: Int
    /// The largest chord still worth keeping; starts at the caller's distance limit.
    private(set) var chordLimit: Double
    private var chordLimitSquared: Double

    init(capacity: Int, limit: Double) {
        self.capacity = capacity
        chordLimit = limit
        chordLimitSquared = limit * limit
        candidates.reserveCapacity(capacity + 4)
    }

    /// Squared chord beyond which nothing can enter.
    @inline(__always) var boundSquared: Double { chordLimitSquared }

    mutating func insert(_ index: Int, chordSquared: Double) {
        guard chordSquared <= chordLimitSquared else { return }
        // Insertion from the end: lists are short, and this avoids the general insert's copying path.
        candidates.append((chordSquared, index))
        var position = candidates.count - 1
        while position > 0, candidates[position - 1].chordSquared > chordSquared {
            candidates[position] = candidates[position - 1]
            position -= 1
        }
        candidates[position] = (chordSquared, index)
        guard candidates.count >= capacity else { return }
        let kthChord = candidates[capacity - 1].chordSquared.squareRoot()
        let bound = min(chordLimit, Self.longestGeodesic(forChord: kthChord) + 1e-6)
        if bound < chordLimit {
            chordLimit = bound
            chordLimitSquared = bound * bound
            while let last = candidates.last, last.chordSquared > chordLimitSquared { candidates.removeLast() }
        }
    }

    /// An upper bound of the geodesic distance between two surface points `chord` metres apart.
    static func longestGeodesic(forChord chord: Double) -> Double {
        let rho = smallestCurvatureRadius
        let x = chord / (2 * rho)
        return x >= 1 ? .infinity : 2 * rho * asin(x)
    }
}
