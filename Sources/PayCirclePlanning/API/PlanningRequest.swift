import Foundation
import PayCircleCore

/// The parameters of the planning questions, as the CLI and the API take them, validated:
/// `minutes` (1–60, default 10), `at` (ISO 8601, default now), `kind` (channel kinds counted, comma list),
/// `unknown_hours` (`closed`, the default, or `open`: how channels whose hours do not say are counted),
/// `detour_factor` (1–3, default 1.3), `compare_at` (a second moment for coverage), and for gaps `threshold` (0–1, default 0.9), for suggestions
/// `sites` (1–100, default 5) and `target_share` (0–1).
///
/// ```swift
/// let request = try PlanningRequest(QueryParameters(["minutes": "10", "at": "2026-11-23T22:00:00+08:00"]))
/// ```
public struct PlanningRequest: Sendable {
    /// How channels with unknown hours are counted.
    public enum UnknownHours: String, Sendable, CaseIterable {
        case closed, open
    }

    public var settings: CoverageSettings
    /// The same settings at a second moment, when `compare_at` is given.
    public var comparison: CoverageSettings?
    /// Gaps: areas covered below this share.
    public var threshold: Double
    /// Suggestions: how many sites to list.
    public var sites: Int
    /// Suggestions: the covered share to reach, if any.
    public var targetShare: Double?

    public init(_ parameters: QueryParameters, now: Date = Date()) throws(InputError) {
        settings = CoverageSettings(
            minutes: Double(try parameters.integer("minutes", default: 10, in: CoverageSettings.minutesRange)),
            at: try parameters.timestamp("at") ?? now,
            kinds: try parameters.list("kind", of: PointKind.self).map(Set.init),
            countUnknownHoursAsOpen: try parameters.enumeration("unknown_hours", default: UnknownHours.closed) == .open,
            // Saying how unknown hours count overrides the import's assumptions too.
            useAssumedHours: parameters.string("unknown_hours") == nil,
            detourFactor: try parameters.double("detour_factor", in: 1...3) ?? CoverageSettings.defaultDetourFactor
        )
        comparison = try parameters.timestamp("compare_at").map { [settings] moment in
            var second = settings
            second.at = moment
            return second
        }
        threshold = try parameters.double("threshold", in: 0...1) ?? 0.9
        sites = try parameters.integer("sites", default: 5, in: 1...100)
        targetShare = try parameters.double("target_share", in: 0...1)
    }
}
