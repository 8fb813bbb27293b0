import Foundation
import PayCircleCore
import PayCircleNetwork
import Synchronization

/// The planners' answers over one version of the data, computed once and kept: the planner (channels
/// snapped to the network) is built once, and coverage, gaps and maps are looked up by what they depend
/// on (``CoverageKey``), so dashboards and the planner page cost a lookup after the first time.
///
/// A new data version needs a new instance (``PointRegistry/derived(_:_:)`` keeps one per version);
/// answers of the old one are dropped with it.
///
/// ```swift
/// let answers = PlanningAnswers(planner: planner)
/// let report = answers.coverage(settings)      // computed
/// let again = answers.coverage(settings)       // looked up
/// ```
public final class PlanningAnswers: Sendable {
    /// How many answers are kept at most; the oldest go first.
    public static let capacity = 256

    public let planner: CoveragePlanner
    private let kept = Mutex(KeptAnswers())

    public init(planner: CoveragePlanner) {
        self.planner = planner
    }

    /// Coverage under `settings`, reported at `settings.at`.
    public func coverage(_ settings: CoverageSettings) -> CoverageReport {
        var report = answer(CoverageKey(settings, planner: planner, variant: "coverage")) { planner.coverage(settings) }
        report.at = settings.at
        return report
    }

    /// Gaps under `settings` below `threshold`, reported at `settings.at`.
    public func gaps(_ settings: CoverageSettings, threshold: Double) -> GapReport {
        var report = answer(CoverageKey(settings, planner: planner, variant: "gaps \(threshold)")) { planner.gaps(settings, threshold: threshold) }
        report.coverage.at = settings.at
        return report
    }

    /// A coverage map as SVG (`png: false`) or PNG bytes; its legend names the moment, so the key does too.
    public func map(_ settings: CoverageSettings, png: Bool) -> [UInt8] {
        let variant = "map \(png ? "png" : "svg") \(settings.at.timeIntervalSince1970)"
        return answer(CoverageKey(settings, planner: planner, variant: variant)) {
            let map = CoverageMap(planner: planner, settings: settings)
            return png ? map.png() : Array(map.svg().utf8)
        }
    }

    /// How many answers are kept now.
    public var count: Int { kept.withLock { $0.values.count } }

    private func answer<Value: Sendable>(_ key: CoverageKey, compute: () -> Value) -> Value {
        if let found = kept.withLock({ $0.values[key] }) as? Value { return found }
        let value = compute()
        kept.withLock { $0.insert(value, for: key, capacity: Self.capacity) }
        return value
    }
}

/// Answers by key, oldest first out.
private struct KeptAnswers {
    var values: [CoverageKey: any Sendable] = [:]
    var order: [CoverageKey] = []

    mutating func insert(_ value: any Sendable, for key: CoverageKey, capacity: Int) {
        if values.updateValue(value, forKey: key) == nil { order.append(key) }
        while order.count > capacity { values[order.removeFirst()] = nil }
    }
}
