import Foundation

extension PaymentPoint {
    /// The first whole minute after `date` at which the point is open (``isOpen(at:)``), looking up to eight
    /// days ahead; nil when it is not found open in that time or its hours cannot say.
    ///
    /// ```swift
    /// hall.nextOpening(after: sundayEvening)   // Monday 08:30 for "Mo-Fr 08:30-17:30"
    /// ```
    public func nextOpening(after date: Date) -> Date? {
        var minute = (date.timeIntervalSince1970 / 60).rounded(.down) * 60 + 60
        for _ in 0..<(8 * 24 * 60) {
            let candidate = Date(timeIntervalSince1970: minute)
            switch isOpen(at: candidate) {
            case true?: return candidate
            case nil: return nil
            case false?: minute += 60
            }
        }
        return nil
    }

    /// `date` as ISO 8601 in the point's own time zone, e.g. `2026-12-01T08:00:00+08:00`.
    public func localTimestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: TimeZone(identifier: timeZone) ?? .gmt))
    }
}

extension PaymentPoint {
    /// The point's local calendar (its time zone).
    public var localCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: Self.defaultTimeZone)!
        return calendar
    }

    /// Midnight at the start of the local day `date` (`YYYY-MM-DD`); nil when `date` is no such day.
    public func startOfLocalDay(_ date: String) -> Date? {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let start = localCalendar.date(from: components),
              localCalendar.dateComponents([.year, .month, .day], from: start) == components else { return nil }
        return start
    }

    /// The local day (`YYYY-MM-DD`) that `date` falls in.
    public func localDay(of date: Date) -> String {
        let parts = localCalendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

extension PaymentPoint {
    /// The time zone most of `points` keep (China Standard Time when there are none), for answers about a
    /// whole city's day.
    public static func commonTimeZone(of points: [PaymentPoint]) -> String {
        Dictionary(grouping: points, by: \.timeZone).max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key ?? defaultTimeZone
    }
}
