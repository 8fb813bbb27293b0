import Foundation

/// One slot of a hall's appointments: its times, how many it takes and how many are booked.
public struct AppointmentSlot: Sendable, Hashable {
    public var start: Date
    public var end: Date
    public var capacity: Int
    public var booked: Int

    public init(start: Date, end: Date, capacity: Int, booked: Int) {
        self.start = start
        self.end = end
        self.capacity = capacity
        self.booked = booked
    }
}
