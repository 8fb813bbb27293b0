import Foundation

/// A remote queue ticket ("air queue"): a place in a hall's queue taken before walking there.
///
/// Its call time is estimated from the queue when it was issued: `ahead` people (those waiting then and
/// earlier remote tickets still held) leave counters as departures at `rate` per second, so it is called
/// at the `(ahead + 1)`-th departure — Gamma(`ahead + 1`, `rate`) after issue, as in ``WaitModel``. It
/// keeps the departure it waits for (the hall's count of calls today), so each later report and call
/// moves its ``QueuePlace``.
public struct QueueTicket: Sendable, Hashable {
    /// A ticket's life: `waiting → called → served | no_show`, `waiting → cancelled | expired`.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case waiting, cancelled, called, served
        case noShow = "no_show"
        case expired

        /// Served, a no-show, cancelled or expired: nothing more happens to it.
        public var hasEnded: Bool { self != .waiting && self != .called }
    }

    /// How a called ticket ends.
    public enum Outcome: String, Sendable, CaseIterable {
        case served
        case noShow = "no_show"

        public var status: Status { self == .served ? .served : .noShow }
    }

    public var id: String
    public var hallID: String
    public var service: PaymentService
    /// What the hall's screen calls, e.g. `C017`.
    public var number: String
    public var issuedAt: Date
    /// People ahead when issued.
    public var ahead: Int
    /// Departures per second when issued (open counters / handling seconds).
    public var rate: Double
    public var status: Status
    /// When the hall called it; nil until then.
    public var calledAt: Date?
    /// Who holds it: the SHA-256 digest of the app's customer id (nil for tickets issued before holders).
    public var holderDigest: String?
    /// The SHA-256 digest of the key that cancels it, given to its holder once.
    public var keyDigest: String?
    /// The hall's day count of calls at which it is called: served today when issued + people ahead + 1;
    /// nil when the hall's report said nothing of what it had served.
    public var departure: Int?
    /// The appointment it was checked in from: called before walk-ins.
    public var appointmentID: String?

    /// Waiting or called: the holder still holds a place in the hall.
    public var isActive: Bool { status == .waiting || status == .called }

    public init(id: String, hallID: String, service: PaymentService, number: String, issuedAt: Date, ahead: Int, rate: Double,
                status: Status = .waiting, calledAt: Date? = nil, holderDigest: String? = nil, keyDigest: String? = nil, departure: Int? = nil,
                appointmentID: String? = nil) {
        self.id = id
        self.hallID = hallID
        self.service = service
        self.number = number
        self.issuedAt = issuedAt
        self.ahead = ahead
        self.rate = rate
        self.status = status
        self.calledAt = calledAt
        self.holderDigest = holderDigest
        self.keyDigest = keyDigest
        self.departure = departure
        self.appointmentID = appointmentID
    }

    /// Its place as issued, before any later report or call.
    public var issuedPlace: QueuePlace { QueuePlace(remaining: ahead + 1, rate: rate, since: issuedAt) }

    /// Its place once the hall has said more: `queue` reported at `reportedAt`, and `callsSince` numbers
    /// called through PayCircle after that report, the last at `lastCall`. With a departure to wait for
    /// and a report that counts what was served, the place is the departures still to come; without
    /// either it stays as issued.
    public func place(queue: ServiceQueue, reportedAt: Date, callsSince: Int, lastCall: Date?) -> QueuePlace {
        guard let departure, let served = queue.servedToday, queue.openCounters > 0 else { return issuedPlace }
        let since = max(issuedAt, reportedAt, lastCall ?? reportedAt)
        return QueuePlace(remaining: max(1, departure - served - callsSince), rate: queue.rate, since: since)
    }

    /// The ticket number: the service's letter and an at least three-digit sequence (`C017` for the 17th
    /// cash ticket; `C1002` after `C999`, never a number given before).
    public static func number(service: PaymentService, sequence: Int) -> String {
        let letter = ["cash": "C", "card": "K", "qr": "Q", "invoice": "I", "business": "B"][service.rawValue] ?? "T"
        return letter + String(format: "%03d", sequence)
    }
}
