import Foundation

/// Why an `opening_hours` text could not be parsed.
public struct OpeningHoursSyntaxError: Error, Sendable, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "opening_hours '\(text)': \(reason)" }
}

/// The reason one rule of an `opening_hours` text was rejected.
struct RuleSyntaxError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

extension WeeklySchedule {
    private static let weekdayNames = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]

    /// Parses the supported `opening_hours` subset; see ``OpeningHours``.
    public init(parsing text: String) throws {
        let trimmed = text.trimmedSpaces
        func fail(_ reason: String) -> OpeningHoursSyntaxError { OpeningHoursSyntaxError(text: text, reason: reason) }
        guard !trimmed.isEmpty else { throw fail("empty") }
        if trimmed == "24/7" {
            self.init(rules: [Rule(weekdays: 0x7F, appliesOnPublicHolidays: true, ranges: [MinuteRange(start: 0, end: 1440)], isAdditional: false)])
            return
        }
        var parsed: [Rule] = []
        for statement in trimmed.split(separator: ";", omittingEmptySubsequences: true) {
            let parts = Self.splitAdditionalRules(String(statement))
            for (index, part) in parts.enumerated() {
                let body = part.trimmedSpaces
                if body.isEmpty { continue }
                do {
                    parsed.append(try Self.parseRule(body, isAdditional: index > 0))
                } catch {
                    throw fail(error.message)
                }
            }
        }
        guard !parsed.isEmpty else { throw fail("no rules") }
        self.init(rules: parsed)
    }

    /// Splits `Mo-Fr 08:00-12:00,14:00-18:00, Sa 09:00-12:00` at the commas that start a new weekday rule.
    private static func splitAdditionalRules(_ statement: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var index = statement.startIndex
        while index < statement.endIndex {
            let character = statement[index]
            if character == ",", current.contains(where: \.isNumber) || current.contains("off") {
                let rest = statement[statement.index(after: index)...].drop(while: { $0 == " " })
                if weekdayNames.contains(where: { rest.hasPrefix($0) }) || rest.hasPrefix("PH") {
                    parts.append(current)
                    current = ""
                    index = statement.index(after: index)
                    continue
                }
            }
            current.append(character)
            index = statement.index(after: index)
        }
        parts.append(current)
        return parts
    }

    private static func parseRule(_ body: String, isAdditional: Bool) throws(RuleSyntaxError) -> Rule {
        let tokens = body.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var weekdays: UInt8 = 0
        var holidays = false
        var remaining = tokens[...]
        if let first = remaining.first, first.first?.isLetter == true, !["off", "closed", "open"].contains(first) {
            (weekdays, holidays) = try parseDaySelector(first)
            remaining = remaining.dropFirst()
        } else {
            weekdays = 0x7F
        }
        var ranges: [MinuteRange] = []
        switch remaining.count {
        case 0:
            ranges = [MinuteRange(start: 0, end: 1440)]
        case 1 where remaining.first == "off" || remaining.first == "closed":
            ranges = []
        case 1 where remaining.first == "open":
            ranges = [MinuteRange(start: 0, end: 1440)]
        case 1:
            for item in remaining.first!.split(separator: ",") { ranges.append(try parseTimeRange(String(item))) }
        default:
            throw RuleSyntaxError("unexpected '" + remaining.joined(separator: " ") + "'")
        }
        return Rule(weekdays: weekdays, appliesOnPublicHolidays: holidays, ranges: ranges, isAdditional: isAdditional)
    }

    private static func parseDaySelector(_ token: String) throws(RuleSyntaxError) -> (UInt8, Bool) {
        var weekdays: UInt8 = 0
        var holidays = false
        for item in token.split(separator: ",") {
            if item == "PH" { holidays = true; continue }
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(ends.count) else { throw RuleSyntaxError("bad weekday range '\(item)'") }
            guard let from = weekdayNames.firstIndex(of: String(ends[0])),
                  let to = weekdayNames.firstIndex(of: String(ends[ends.count - 1])) else {
                throw RuleSyntaxError("unknown weekday in '\(item)' (expected Mo Tu We Th Fr Sa Su or PH)")
            }
            var day = from
            while true {
                weekdays |= 1 << day
                if day == to { break }
                day = (day + 1) % 7
            }
        }
        return (weekdays, holidays)
    }

    private static func parseTimeRange(_ text: String) throws(RuleSyntaxError) -> MinuteRange {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2 else { throw RuleSyntaxError("bad time range '\(text)' (expected HH:MM-HH:MM)") }
        let start = try parseClock(String(ends[0]), limit: 24 * 60 - 1)
        var end = try parseClock(String(ends[1]), limit: 48 * 60)
        if end <= start { end += 1440 }
        guard end - start <= 1440 else { throw RuleSyntaxError("time range '\(text)' is longer than a day") }
        return MinuteRange(start: start, end: end)
    }

    private static func parseClock(_ text: String, limit: Int) throws(RuleSyntaxError) -> Int {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2,
              let hours = Int(parts[0]), let minutes = Int(parts[1]), hours >= 0, (0..<60).contains(minutes),
              hours * 60 + minutes <= limit else {
            throw RuleSyntaxError("bad time '\(text)' (expected HH:MM)")
        }
        return hours * 60 + minutes
    }
}
