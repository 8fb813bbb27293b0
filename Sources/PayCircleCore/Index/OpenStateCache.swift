import Foundation

/// Evaluates "open at T" for many points at one moment, converting T to each time zone only once.
struct OpenStateCache {
    let date: Date
    private var localTimes: [String: LocalTime?] = [:]

    init(date: Date) { self.date = date }

    mutating func isOpen(_ point: PaymentPoint) -> Bool? {
        guard point.status == .online else { return false }
        guard let hours = point.openingHours else { return nil }
        let local: LocalTime?
        if let cached = localTimes[point.timeZone] {
            local = cached
        } else {
            local = TimeZone(identifier: point.timeZone).map { LocalTime(date, in: $0) }
            localTimes[point.timeZone] = local
        }
        guard let local else { return nil }
        return hours.isOpen(at: local)
    }
}
