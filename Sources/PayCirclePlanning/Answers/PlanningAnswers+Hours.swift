import Foundation
import PayCircleCore

extension PlanningAnswers {
    /// Coverage at the start of each hour of the local day `date` (`YYYY-MM-DD`) in `timeZone`, under
    /// `settings` otherwise: 24 reports (23 or 25 on a day the clocks change). Hours whose open channels
    /// are the same share one computation, so a day costs one pass per distinct set of open channels.
    /// Nil when `date` is not a day.
    ///
    /// ```swift
    /// answers.coverageByHour(CoverageSettings(minutes: 10), date: "2026-11-30", timeZone: "Europe/Lisbon")?.map(\.coveredShare)
    /// ```
    public func coverageByHour(_ settings: CoverageSettings, date: String, timeZone: String) -> [CoverageReport]? {
        guard let zone = TimeZone(identifier: timeZone), let start = Self.startOfDay(date, in: zone) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let end = calendar.date(byAdding: .day, value: 1, to: start) else { return nil }
        return stride(from: start.timeIntervalSince1970, to: end.timeIntervalSince1970, by: 3_600).map { moment in
            var hourly = settings
            hourly.at = Date(timeIntervalSince1970: moment)
            return coverage(hourly)
        }
    }

    static func startOfDay(_ date: String, in zone: TimeZone) -> Date? {
        let parts = date.split(separator: "-").map { Int($0) }
        guard date.count == 10, parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2] else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar), let start = calendar.date(from: components) else { return nil }
        return calendar.startOfDay(for: start)
    }
}

extension PlanningAnswers {
    /// The local day (`YYYY-MM-DD`) of `date` in the zone named `timeZone`.
    public static func localDay(of date: Date, in timeZone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: PaymentPoint.defaultTimeZone)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
