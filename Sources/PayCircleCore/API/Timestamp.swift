import Foundation

/// Fast RFC 3339 / ISO 8601 formatting in UTC (`2026-11-23T14:30:00Z`), for response bodies.
///
/// The text is made digit by digit in a buffer on the stack: answers write a timestamp for every record,
/// and string interpolation of integers costs more than the rest of a record.
///
/// ```swift
/// Timestamp.utcString(Date(timeIntervalSince1970: 0))   // "1970-01-01T00:00:00Z"
/// ```
public enum Timestamp {
    /// The longest text: a sign, a year of up to 19 digits, and the 16 characters after the year.
    static let maximumLength = 36

    public static func utcString(_ date: Date) -> String {
        withUTCText(date) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTC text of `date` as UTF-8, valid only during the call.
    public static func withUTCText<Result>(_ date: Date, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let seconds = Int(floor(date.timeIntervalSince1970))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Civil date from days since 1970-01-01 (proleptic Gregorian calendar).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumLength) { text in
            // Right to left: "-MM-DDTHH:MM:SSZ" after the year, then the year.
            var end = maximumLength
            func put(_ byte: UInt8) {
                end -= 1
                text[end] = byte
            }
            func two(_ n: Int, precededBy separator: UInt8) {
                put(UInt8(ascii: "0") + UInt8(n % 10))
                put(UInt8(ascii: "0") + UInt8(n / 10))
                put(separator)
            }
            put(UInt8(ascii: "Z"))
            two(secondOfDay % 60, precededBy: UInt8(ascii: ":"))
            two(secondOfDay / 60 % 60, precededBy: UInt8(ascii: ":"))
            two(secondOfDay / 3600, precededBy: UInt8(ascii: "T"))
            two(day, precededBy: UInt8(ascii: "-"))
            two(month, precededBy: UInt8(ascii: "-"))
            // Years 0-9999 have four digits; others as many as they need, after a minus sign if negative.
            var rest = year.magnitude, digits = 0
            while rest > 0 || digits < (year >= 0 ? 4 : 1) {
                put(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
                digits += 1
            }
            if year < 0 { put(UInt8(ascii: "-")) }
            return body(UnsafeBufferPointer(rebasing: text[end..<maximumLength]))
        }
    }
}
