import Foundation

/// How a hall takes appointments: slots of `slotMinutes` through its opening hours, each taking up to
/// `capacity[service]` bookings. With `fitToForecast`, a slot also takes no more than the counters are
/// expected to have spare in it once the walk-ins its hour of the week usually brings are served
/// (``QueueForecast/spareCapacity(from:to:)``), so bookings go to the quiet hours and the peak is shaved
/// rather than topped up; a slot whose hour has no history yet keeps the set capacity.
///
/// ```swift
/// let settings = AppointmentSettings(hallID: "hall-1", slotMinutes: 30, capacity: [.cash: 4, .business: 2], fitToForecast: true)
/// settings.slots(on: "2026-12-01", of: hall)   // the half hours the hall is open that day
/// settings.capacity(of: .cash, from: start, to: end, forecast: forecast)   // 4, or fewer in a busy hour
/// ```
public struct AppointmentSettings: Sendable, Hashable {
    public var hallID: String
    public var slotMinutes: Int
    public var capacity: [PaymentService: Int]
    public var fitToForecast: Bool

    public init(hallID: String, slotMinutes: Int, capacity: [PaymentService: Int], fitToForecast: Bool = false) {
        self.hallID = hallID
        self.slotMinutes = slotMinutes
        self.capacity = capacity
        self.fitToForecast = fitToForecast
    }

    /// The bookings the slot from `start` to `end` takes for `service`: the set capacity, limited by the
    /// forecast's spare capacity when `fitToForecast` is on and the forecast knows the slot's hours.
    public func capacity(of service: PaymentService, from start: Date, to end: Date, forecast: QueueForecast?) -> Int {
        let set = capacity[service] ?? 0
        guard fitToForecast, let spare = forecast?.spareCapacity(from: start, to: end) else { return set }
        return min(set, Int(spare.rounded(.down)))
    }

    /// The accepted slot lengths (minutes that divide a day) and capacities.
    public static let slotRange = 5...240
    public static let capacityRange = 0...1_000

    /// The slots of the hall's local day `date` (`YYYY-MM-DD`) during which it is open from start to end,
    /// by its opening hours; nil when `date` is not such a day.
    public func slots(on date: String, of hall: PaymentPoint) -> [(start: Date, end: Date)]? {
        guard let dayStart = hall.startOfLocalDay(date) else { return nil }
        let length = TimeInterval(slotMinutes * 60)
        return stride(from: 0.0, to: 86_400, by: length).compactMap { offset in
            let start = dayStart.addingTimeInterval(offset), end = start.addingTimeInterval(length)
            guard hall.isOpen(at: start) == true, hall.isOpen(at: end.addingTimeInterval(-60)) == true else { return nil }
            return (start, end)
        }
    }
}
