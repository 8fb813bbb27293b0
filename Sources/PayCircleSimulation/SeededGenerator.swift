import Foundation

/// A small seeded random number generator (SplitMix64): the same seed gives the same day, benchmark
/// city or fuzz case.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in (0, 1].
    public mutating func unit() -> Double { Double(next() >> 11 &+ 1) / Double(1 << 53) }

    /// An exponential wait of mean `mean`.
    public mutating func exponential(mean: Double) -> Double { -mean * Foundation.log(unit()) }
}
