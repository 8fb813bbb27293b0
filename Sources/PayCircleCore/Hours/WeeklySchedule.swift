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
    /// The ranges in force on each weekday: `dayRanges[holiday ? 1 : 0][weekday]`, resolved once so that
    /// evaluation does no work per rule.
    private let dayRanges: [[[MinuteRange]]]
    let mentionsPublicHolidays: Bool

    init(rules: [Rule]) {
        self.rules = rules
        mentionsPublicHolidays = rules.contains { $0.appliesOnPublicHolidays }
        dayRanges = [false, true].map { holiday in
            (0..<7).map { weekday in
                var current: [MinuteRange] = []
                for rule in rules where rule.weekdays & (1 << weekday) != 0 || (holiday && rule.appliesOnPublicHolidays) {
                    current = rule.isAdditional ? current + rule.ranges : rule.ranges
                }
                return current
            }
        }
    }

    func isOpen(at time: LocalTime, onPublicHoliday holiday: Bool) -> Bool {
        let table = dayRanges[holiday ? 1 : 0]
        if table[time.weekday].contains(where: { $0.start <= time.minuteOfDay && time.minuteOfDay < $0.end }) {
            return true
        }
        let previousDay = (time.weekday + 6) % 7
        return table[previousDay].contains { $0.end > 1440 && time.minuteOfDay < $0.end - 1440 }
    }
}
