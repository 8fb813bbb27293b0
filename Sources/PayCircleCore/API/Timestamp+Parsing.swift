import Foundation

extension Timestamp {
    /// The moment of `text` when it is in the most common RFC 3339 shape, `2026-11-23T22:00:00+08:00` or
    /// `2026-11-23T14:00:00Z` (a year from 1900 to 2999, a valid date and time, an offset within ±14:59);
    /// nil for any other text, which callers then hand to Foundation's ISO 8601 parser. Read digit by digit:
    /// queries with a time and imported records carry one each, and Foundation's parser costs more than
    /// the rest of such a query.
    ///
    /// ```swift
    /// Timestamp.commonMoment("1970-01-01T08:00:00+08:00")   // Date(timeIntervalSince1970: 0)
    /// ```
    public static func commonMoment(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 20 || bytes.count == 25 else { return nil }
            /// The number of `count` digits at `start`, or nil if any is not a digit.
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for byte in bytes[start..<start + count] {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return value
            }
            func separator(_ position: Int, _ byte: Unicode.Scalar) -> Bool { bytes[position] == UInt8(ascii: byte) }
            guard separator(4, "-"), separator(7, "-"), separator(10, "T"), separator(13, ":"), separator(16, ":"),
                  let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                  let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                  (1900...2999).contains(year), (1...12).contains(month), (1...daysIn(month, of: year)).contains(day),
                  hour < 24, minute < 60, second < 60 else { return nil }
            var offset = 0
            if bytes.count == 20 {
                guard separator(19, "Z") else { return nil }
            } else {
                guard separator(19, "+") || separator(19, "-"), separator(22, ":"),
                      let offsetHours = number(20, 2), let offsetMinutes = number(23, 2), offsetHours <= 14, offsetMinutes < 60 else { return nil }
                offset = (offsetHours * 3600 + offsetMinutes * 60) * (separator(19, "-") ? -1 : 1)
            }
            let seconds = daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
            return Date(timeIntervalSince1970: Double(seconds))
        }
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the date (proleptic Gregorian calendar), the inverse of the civil date
    /// ``withUTCText(_:_:)`` works out.
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
