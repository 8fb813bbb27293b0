import Foundation

/// Expected waits from queue reports.
///
/// The model: with `c` counters open, each taking a mean `h` seconds per customer with exponentially
/// distributed times (the usual assumption for service counters, and the one that needs nothing but the
/// mean the machines report), customers leave counters as a Poisson process of rate `λ = c / h` while
/// all are busy. Someone behind `n` waiting people gets a counter at the `(n + 1)`-th departure, whose time
/// `S` is Gamma(`n + 1`, `λ`). Walking for `T` seconds first, they wait `max(0, S − T)` on arrival —
/// the queue drains while they walk; people who join meanwhile are not counted (a remote ticket holds
/// the place instead). Its mean has a closed form,
/// `E[(S − T)⁺] = (k / λ) · P(Poisson(λT) ≤ k) − T · P(Poisson(λT) ≤ k − 1)` with `k = n + 1`, and its
/// band is the 10th and 90th percentiles of `S` less `T`. With nobody waiting the wait is zero.
///
/// ```swift
/// let model = WaitModel()
/// let wait = model.estimate(for: hall, report: report, at: now, walkSeconds: 300)   // seconds, low, high
/// ```
public struct WaitModel: Sendable, Hashable {
    /// Reports older than this are treated as unknown, never as an empty queue.
    public var maxReportAge: TimeInterval = 300
    /// The wait at kiosks and bank booths.
    public var selfServiceSeconds: Double = 0
    /// The wait at an agency's till (post office, shop), which reports no queue.
    public var agencySeconds: Double = 120
    /// The wait assumed at a hall or bank branch without a fresh report.
    public var unknownQueueSeconds: Double = 600

    public init() {}

    /// The wait at `point` for someone arriving after `walkSeconds`, from its latest `report` (if any) as
    /// at `now`; for `service` when given, else the quickest reported service the point offers.
    public func estimate(for point: PaymentPoint, report: QueueReport?, at now: Date, walkSeconds: Double,
                         service: PaymentService? = nil) -> WaitEstimate {
        switch point.kind {
        case .kiosk, .bankBooth:
            return WaitEstimate(seconds: selfServiceSeconds, low: selfServiceSeconds, high: selfServiceSeconds, source: .configured)
        case .agency:
            return WaitEstimate(seconds: agencySeconds, low: agencySeconds, high: agencySeconds, source: .configured)
        case .hall, .bankBranch:
            let assumed = WaitEstimate(seconds: unknownQueueSeconds, low: unknownQueueSeconds, high: unknownQueueSeconds, source: .assumed)
            guard let report, now.timeIntervalSince(report.reportedAt) <= maxReportAge, now >= report.reportedAt.addingTimeInterval(-60) else {
                return assumed
            }
            let queues = report.services.filter { service == nil || $0.key == service }
                .sorted { $0.key.rawValue < $1.key.rawValue }
            let estimates = queues.map { Self.queueWait($0.value, walkSeconds: walkSeconds, service: $0.key) }
            return estimates.min { ($0.seconds, $0.high) < ($1.seconds, $1.high) } ?? assumed
        }
    }

    /// The wait in one queue on arrival after `walkSeconds`.
    public static func queueWait(_ queue: ServiceQueue, walkSeconds: Double, service: PaymentService? = nil) -> WaitEstimate {
        guard queue.openCounters > 0 else {
            return WaitEstimate(seconds: .infinity, low: .infinity, high: .infinity, source: .noCounterOpen, service: service)
        }
        guard queue.waiting > 0 else { return WaitEstimate(seconds: 0, low: 0, high: 0, source: .queue, service: service) }
        let k = queue.waiting + 1
        let rate = Double(queue.openCounters) / queue.handlingSeconds
        let walk = max(0, walkSeconds)
        let mean = Double(k) / rate * Erlang.survival(rate * walk, shape: k + 1) - walk * Erlang.survival(rate * walk, shape: k)
        return WaitEstimate(seconds: max(0, mean),
                            low: max(0, gammaQuantile(0.1, shape: k, rate: rate) - walk),
                            high: max(0, gammaQuantile(0.9, shape: k, rate: rate) - walk),
                            source: .queue, service: service)
    }

    /// The `p`-quantile of Gamma(`shape`, `rate`) for a whole-number shape (Erlang).
    public static func gammaQuantile(_ p: Double, shape: Int, rate: Double) -> Double {
        Erlang.inverseSurvival(1 - p, shape: shape) / rate
    }

    /// The chance that all `counters` are busy when nobody waits, for customers arriving at `arrivalsPerSecond`
    /// and counters taking `handlingSeconds` each: Erlang's loss formula `B(c, a)` with `a = λ · h`, by its
    /// recurrence `B(k) = a·B(k−1) / (k + a·B(k−1))` — the share of M/M/c states with nobody waiting in which
    /// no counter is free.
    public static func allBusyWhenNobodyWaits(counters: Int, arrivalsPerSecond: Double, handlingSeconds: Double) -> Double {
        let load = max(0, arrivalsPerSecond * handlingSeconds)
        var blocking = 1.0
        for k in stride(from: 1, through: max(0, counters), by: 1) { blocking = load * blocking / (Double(k) + load * blocking) }
        return counters > 0 ? blocking : 1
    }
}
