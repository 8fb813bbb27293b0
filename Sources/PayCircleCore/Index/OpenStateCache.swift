import Foundation

/// Evaluates "open at T" for many points at one moment. Points nearly always share a time zone, so the
/// local time of the last zone seen is kept at hand.
struct OpenStateCache {
    let date: Date
    private var lastZone: String?
    private var lastLocalTime: LocalTime?

    init(date: Date) { self.date = date }

    mutating func isOpen(_ point: PaymentPoint) -> Bool? {
        isOpen(status: point.status, hours: point.openingHours, timeZone: point.timeZone)
    }

    private mutating func isOpen(status: PointStatus, hours: OpeningHours?, timeZone: String) -> Bool? {
        guard status == .online else { return false }
        guard let hours else { return nil }
        if timeZone != lastZone {
            lastZone = timeZone
            lastLocalTime = TimeZoneCache.localTime(date, in: timeZone)
        }
        guard let lastLocalTime else { return nil }
        return hours.isOpen(at: lastLocalTime)
    }
}
