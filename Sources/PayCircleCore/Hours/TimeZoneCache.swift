import Foundation
import Synchronization

/// Time zones by IANA name, and their UTC offsets, remembered across queries: `TimeZone(identifier:)` and
/// `secondsFromGMT(for:)` are far too slow for the nearest-query path. An offset is reused for any moment
/// between the one it was computed for and the zone's next daylight-saving transition.
enum TimeZoneCache {
    private struct Offset {
        var seconds: Int
        var validFrom: Date
        var validUntil: Date
    }

    private struct Entry {
        var zone: TimeZone?
        var offset: Offset?
    }

    private static let entries = Mutex<[String: Entry]>([:])

    static func zone(_ identifier: String) -> TimeZone? {
        if let cached = entries.withLock({ $0[identifier] }) { return cached.zone }
        let zone = TimeZone(identifier: identifier)
        entries.withLock { $0[identifier] = Entry(zone: zone) }
        return zone
    }

    /// The wall-clock time at `date` in the zone named `identifier`, or nil for an unknown zone.
    static func localTime(_ date: Date, in identifier: String) -> LocalTime? {
        if let offset = entries.withLock({ $0[identifier]?.offset }), offset.validFrom <= date, date < offset.validUntil {
            return LocalTime(date, offsetSeconds: offset.seconds)
        }
        guard let zone = zone(identifier) else { return nil }
        let seconds = zone.secondsFromGMT(for: date)
        let until = zone.nextDaylightSavingTimeTransition(after: date) ?? .distantFuture
        entries.withLock { $0[identifier]?.offset = Offset(seconds: seconds, validFrom: date, validUntil: until) }
        return LocalTime(date, offsetSeconds: seconds)
    }
}
