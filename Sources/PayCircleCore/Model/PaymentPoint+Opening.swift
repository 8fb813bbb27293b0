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
