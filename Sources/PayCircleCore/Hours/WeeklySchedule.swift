/// The evaluated form of ``OpeningHours``: rules over weekdays with minute ranges.
public struct WeeklySchedule: Sendable, Hashable {
    /// A half-open interval of minutes from the start of the day it belongs to; `end` may pass 1440
    /// (open past midnight).
    public struct MinuteRange: Sendable, Hashable {
        public var start: Int
        public var end: Int
    }

    public struct Rule: Sendable, Hashable {
        /// Bit `d` set when the rule applies on weekday `d` (Monday 0).
        public var weekdays: UInt8
        public var appliesOnPublicHolidays: Bool
        /// Empty means closed on the rule's days.
        public var ranges: [MinuteRange]
        /// An additional rule (after `,`) adds its ranges instead of replacing earlier ones.
        public var isAdditional: Bool
    }

    public let rules: [Rule]
    /// The ranges in force on each day, resolved once so that evaluation does no work per rule: those of
    /// weekday `d` (Monday 0) are `dayRanges[dayStarts[d]..<dayStarts[d + 1]]`, and on a public holiday
    /// that falls on it `dayRanges[dayStarts[7 + d]..<dayStarts[8 + d]]` (``dayCount`` starts and an end).
    let dayRanges: [MinuteRange]
    let dayStarts: [Int]
    let mentionsPublicHolidays: Bool
    /// Days with ranges of their own: seven ordinary weekdays, then the same seven as public holidays.
    static let dayCount = 14

    init(rules: [Rule]) {
        self.rules = rules
        mentionsPublicHolidays = rules.contains { $0.appliesOnPublicHolidays }
        var ranges: [MinuteRange] = [], starts: [Int] = []
        for holiday in [false, true] {
            for weekday in 0..<7 {
                var current: [MinuteRange] = []
                for rule in rules where rule.weekdays & (1 << weekday) != 0 || (holiday && rule.appliesOnPublicHolidays) {
                    current = rule.isAdditional ? current + rule.ranges : rule.ranges
                }
                starts.append(ranges.count)
                ranges += current
            }
        }
        starts.append(ranges.count)
        dayRanges = ranges
        dayStarts = starts
    }

    /// Whether the schedule says open at `time`; nil when that depends on whether the day is a public
    /// holiday (the schedule mentions `PH` and the two answers differ).
    func openState(at time: LocalTime) -> Bool? {
        dayRanges.withUnsafeBufferPointer { ranges in
            dayStarts.withUnsafeBufferPointer { starts in
                Self.openState(at: time, ranges: ranges, dayStarts: starts, mentionsPublicHolidays: mentionsPublicHolidays)
            }
        }
    }

    /// ``openState(at:)`` over ranges laid out as ``dayRanges`` and ``dayStarts`` are, wherever they are
    /// kept: `dayStarts` holds ``dayCount`` starts and an end, indices into `ranges`.
    static func openState(at time: LocalTime, ranges: UnsafeBufferPointer<MinuteRange>, dayStarts: UnsafeBufferPointer<Int>,
                          mentionsPublicHolidays: Bool) -> Bool? {
        /// The ranges in force on `weekday`, as an ordinary day or as a public holiday.
        func day(_ weekday: Int, holiday: Bool) -> Slice<UnsafeBufferPointer<MinuteRange>> {
            let index = (holiday ? 7 : 0) + weekday
            return ranges[dayStarts[index]..<dayStarts[index + 1]]
        }
        func isOpen(holiday: Bool) -> Bool {
            if day(time.weekday, holiday: holiday).contains(where: { $0.start <= time.minuteOfDay && time.minuteOfDay < $0.end }) {
                return true
            }
            // Yesterday's ranges that run past midnight.
            return day((time.weekday + 6) % 7, holiday: holiday).contains { $0.end > 1440 && time.minuteOfDay < $0.end - 1440 }
        }
        let ordinaryDay = isOpen(holiday: false)
        guard mentionsPublicHolidays else { return ordinaryDay }
        return isOpen(holiday: true) == ordinaryDay ? ordinaryDay : nil
    }
}
