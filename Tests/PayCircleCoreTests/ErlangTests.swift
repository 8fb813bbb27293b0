import Foundation
@testable import PayCircleCore
import Testing

/// Erlang tails and quantiles against SciPy (`scipy.stats.gamma` with a whole shape): exact sums up to
/// shape 256, Wilson–Hilferty above, both within a second of the reference at a minute per departure.
@Suite struct ErlangTests {
    /// shape: (10th percentile, 90th percentile, P(S > 1.01 · shape)), from `gamma.ppf` and `gamma.sf`.
    static let scipy: [Int: (Double, Double, Double)] = [
        1: (0.10536051565782636, 2.302585092994046, 0.3642189795715234),
        5: (2.432591025962664, 7.993589586052632, 0.43176421516503793),
        256: (235.72120256669928, 276.7070123322659, 0.42846333795066693),
        257: (236.68116996847178, 277.747045065933, 0.4283571224028368),
        1_000: (959.6939327288333, 1040.73430801369, 0.37232105526300524),
        10_000: (9872.060875049736, 10128.367373674177, 0.15865124955282037),
    ]

    @Test(arguments: scipy.keys.sorted()) func quantilesAndTailsMatchSciPy(shape: Int) {
        let (low, high, tail) = Self.scipy[shape]!
        // Exact below the limit; above it Wilson–Hilferty, within 0.01 departures (under a second at 1/60 s).
        let tolerance = shape <= Erlang.exactShapeLimit ? 1e-9 * Double(shape) : 0.01
        #expect(abs(Erlang.inverseSurvival(0.9, shape: shape) - low) < tolerance)
        #expect(abs(Erlang.inverseSurvival(0.1, shape: shape) - high) < tolerance)
        #expect(abs(Erlang.survival(1.01 * Double(shape), shape: shape) - tail) < (shape <= Erlang.exactShapeLimit ? 1e-12 : 1e-4))
    }

    /// Ten thousand ahead, 9,900 departures' time gone without a call: the conditional mean and band of
    /// SciPy (`k · gamma.sf(t, k + 1) / gamma.sf(t, k)`, `gamma.isf((1 − p) · gamma.sf(t, k), k)`).
    @Test func aLongQueueIsEstimatedWithoutSummingIt() {
        let place = QueuePlace(remaining: 10_000, rate: 1, since: Date(timeIntervalSince1970: 0))
        let call = place.callTime(at: Date(timeIntervalSince1970: 9_900))
        #expect(abs(call.expected.timeIntervalSince1970 - 10_028.663190419524) < 0.05)
        #expect(abs(call.early.timeIntervalSince1970 - 9_930.093177419409) < 0.05)
        #expect(abs(call.late.timeIntervalSince1970 - 10_138.075949868866) < 0.05)
    }

    @Test func normalQuantileInvertsItsTail() {
        for p in [1e-9, 0.001, 0.1, 0.5, 0.9, 0.999] {
            #expect(abs((1 - Normal.upperTail(Normal.quantile(p))) - p) < 1e-12)
        }
    }
}
