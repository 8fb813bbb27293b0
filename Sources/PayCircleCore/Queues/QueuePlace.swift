import Foundation

/// Where a remote ticket stands: `remaining` departures still to come up to and including its call, at
/// `rate` per second, counted from `since` (the newest thing known: its issue, the hall's report or a call).
///
/// Given that it has not been called in the `t` seconds since then, its call is at `S` ~ Gamma(`remaining`,
/// `rate`) conditioned on `S > t`: mean `(k / rate) · P(Poisson(rate·t) ≤ k) / P(Poisson(rate·t) ≤ k − 1)`
/// and an 80% band from `P(S ≤ x | S > t)`, both from ``Erlang`` in time that does not grow with the queue.
/// With nobody ahead a counter may be free: `immediate` is the chance of a call at once, so that at
/// `since` the call is 0 with that chance and Gamma otherwise (a free counter is known not to have
/// been there once time has passed without a call).
public struct QueuePlace: Sendable, Hashable {
    public var remaining: Int
    public var rate: Double
    public var since: Date
    public var immediate: Double

    public init(remaining: Int, rate: Double, since: Date, immediate: Double = 0) {
        self.remaining = remaining
        self.rate = rate
        self.since = since
        self.immediate = immediate
    }

    /// People ahead of it now.
    public var ahead: Int { remaining - 1 }

    /// The expected call time and its 80% band as known at `now`.
    public func callTime(at now: Date) -> (expected: Date, early: Date, late: Date) {
        let k = remaining
        let t = max(0, now.timeIntervalSince(since))
        if t == 0, immediate > 0 {
            // P(S ≤ x) = q + (1 − q) · G(x): 0 below the chance of a free counter, Gamma above it.
            let q = min(1, immediate)
            func quantile(_ p: Double) -> Double { p <= q ? 0 : Erlang.inverseSurvival(1 - (p - q) / (1 - q), shape: k) / rate }
            return (since.addingTimeInterval((1 - q) * Double(k) / rate), since.addingTimeInterval(quantile(0.1)), since.addingTimeInterval(quantile(0.9)))
        }
        let stillWaiting = Erlang.survival(rate * t, shape: k)   // P(S > t)
        guard stillWaiting > 1e-12 else { return (now, now, now) }   // long overdue: any moment now
        let mean = Double(k) / rate * Erlang.survival(rate * t, shape: k + 1) / stillWaiting
        // P(S ≤ x | S > t) = p  ⇔  P(S > x) = (1 − p) · P(S > t).
        func quantile(_ p: Double) -> Double { max(t, Erlang.inverseSurvival((1 - p) * stillWaiting, shape: k) / rate) }
        return (since.addingTimeInterval(mean), since.addingTimeInterval(quantile(0.1)), since.addingTimeInterval(quantile(0.9)))
    }

    /// When to set out on a walk of `walkSeconds` to be there before the call nine times in ten.
    public func leaveAt(walkSeconds: Double, now: Date) -> Date {
        callTime(at: now).early.addingTimeInterval(-walkSeconds)
    }
}
