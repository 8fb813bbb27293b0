import Foundation

/// Walk-in arrivals over a hall's day: a base rate with a morning and an afternoon peak (Gaussian bumps),
/// in people per hour by local hour of the day.
///
/// ```swift
/// let profile = DemandProfile()                 // 25 an hour, peaks of +35 at 10:00 and +30 at 15:00
/// profile.perHour(at: 10)                        // 60.3
/// ```
public struct DemandProfile: Sendable {
    public var base: Double = 25
    public var morningPeak: (hour: Double, extra: Double) = (10, 35)
    public var afternoonPeak: (hour: Double, extra: Double) = (15, 30)
    /// The peaks' spread, in hours (one standard deviation).
    public var spread: Double = 1

    public init() {}

    public func perHour(at hour: Double) -> Double {
        func bump(_ peak: (hour: Double, extra: Double)) -> Double {
            peak.extra * exp(-0.5 * pow((hour - peak.hour) / spread, 2))
        }
        return base + bump(morningPeak) + bump(afternoonPeak)
    }

    /// The highest rate of the day, for thinning.
    public var highest: Double { base + morningPeak.extra + afternoonPeak.extra }

    /// Arrival times (hours after local midnight) from `opens` to `closes`, by thinning a Poisson process
    /// of the highest rate.
    public func arrivals(opens: Double, closes: Double, using generator: inout SeededGenerator) -> [Double] {
        var times: [Double] = []
        var hour = opens
        while true {
            hour += generator.exponential(mean: 1 / highest)
            guard hour < closes else { return times }
            if generator.unit() * highest <= perHour(at: hour) { times.append(hour) }
        }
    }
}
