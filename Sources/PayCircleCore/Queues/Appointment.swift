import Foundation

/// A booked time at a hall (预约): a place in one of its slots for one service, held by a customer, that
/// becomes a ticket called before walk-ins when its holder checks in.
public struct Appointment: Sendable, Hashable {
    /// `booked → checked_in | no_show | cancelled`.
    public enum Status: String, Sendable, CaseIterable {
        case booked
        case checkedIn = "checked_in"
        case noShow = "no_show"
        case cancelled
    }

    public var id: String
    public var hallID: String
    public var service: PaymentService
    public var start: Date
    public var end: Date
    public var status: Status
    public var bookedAt: Date
    /// SHA-256 digests of the app's customer id and of the key that checks it in.
    public var holderDigest: String
    public var keyDigest: String
    /// The ticket it became at check-in.
    public var ticketID: String?

    public init(id: String, hallID: String, service: PaymentService, start: Date, end: Date, status: Status = .booked, bookedAt: Date,
                holderDigest: String, keyDigest: String, ticketID: String? = nil) {
        self.id = id
        self.hallID = hallID
        self.service = service
        self.start = start
        self.end = end
        self.status = status
        self.bookedAt = bookedAt
        self.holderDigest = holderDigest
        self.keyDigest = keyDigest
        self.ticketID = ticketID
    }

    /// How long before its slot a holder may check in.
    public static let checkInLead: TimeInterval = 15 * 60

    /// When check-in is open: from ``checkInLead`` before the slot to its end.
    public var checkInWindow: ClosedRange<Date> { start.addingTimeInterval(-Self.checkInLead)...end }
}
