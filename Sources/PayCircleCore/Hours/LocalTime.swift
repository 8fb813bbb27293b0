import Foundation

/// A wall-clock moment in a time zone, reduced to what opening hours need: the weekday and the minute.
public struct LocalTime: Sendable, Hashable {
    /// Monday is 0, Sunday is 6.
    public var weekday: Int
    /// Minutes since local midnight, 0..<1440.
    public var minuteOfDay: Int

    public init(weekday: Int, minuteOfDay: Int) {
        self.weekday = weekday
        self.minuteOfDay = minuteOfDay
    }

    /// The local time of `date` in `zone`, daylight-saving offsets included.
    public init(_ date: Date, in zone: TimeZone) {
        self.init(date, offsetSeconds: zone.secondsFromGMT(for: date))
    }

    /// The local time of `date` at a fixed offset from UTC.
    init(_ date: Date, offsetSeconds: Int) {
        let local = Int(floor(date.timeIntervalSince1970)) + offsetSeconds
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        // 1970-01-01 was a Thursday, weekday 3 when Monday is 0.
        weekday = ((day + 3) % 7 + 7) % 7
        minuteOfDay = (local - day * 86_400) / 60
    }
}
