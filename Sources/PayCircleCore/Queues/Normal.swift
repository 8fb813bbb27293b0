import Foundation

/// The standard normal distribution's tail and quantile, as the Erlang tails need them.
enum Normal {
    /// `P(Z > z)`.
    static func upperTail(_ z: Double) -> Double {
        0.5 * erfc(z / 2.squareRoot())
    }

    /// The `z` with `P(Z ≤ z) = p`, by bisection on ``upperTail(_:)`` (a hundred steps, whatever `p`).
    static func quantile(_ p: Double) -> Double {
        guard p > 0 else { return -.infinity }
        guard p < 1 else { return .infinity }
        var low = -40.0, high = 40.0
        for _ in 0..<100 {
            let middle = (low + high) / 2
            if 1 - upperTail(middle) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
