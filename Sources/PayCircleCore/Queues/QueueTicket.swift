import Foundation

/// A remote queue ticket ("air queue"): a place in a hall's queue taken before walking there.
///
/// Its call time is estimated from the queue when it was issued: `ahead` people (those waiting then and
/// earlier remote tickets still held) leave counters as departures at `rate` per second, so it is called
/// at the `(ahead + 1)`-th departure — Gamma(`ahead + 1`, `rate`) after issue, as in ``WaitModel``.
public struct QueueTicket: Sendable, Hashable {
    public enum Status: String, Sendable, Codable {
        case waiting, cancelled
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

    public init(id: String, hallID: String, service: PaymentService, number: String, issuedAt: Date, ahead: Int, rate: Double,
                status: Status = .waiting) {
        self.id = id
        self.hallID = hallID
        self.service = service
        self.number = number
        self.issuedAt = issuedAt
        self.ahead = ahead
        self.rate = rate
        self.status = status
    }

    /// The expected call time and its 80% band.
    public var callTime: (expected: Date, early: Date, late: Date) {
        let k = ahead + 1
        return (issuedAt.addingTimeInterval(Double(k) / rate),
                issuedAt.addingTimeInterval(WaitModel.gammaQuantile(0.1, shape: k, rate: rate)),
                issuedAt.addingTimeInterval(WaitModel.gammaQuantile(0.9, shape: k, rate: rate)))
    }

    /// When to set out on a walk of `walkSeconds` to be there before the call nine times in ten.
    public func leaveAt(walkSeconds: Double) -> Date {
        callTime.early.addingTimeInterval(-walkSeconds)
    }

    /// The ticket number: the service's letter and a three-digit sequence (`C017` for the 17th cash ticket).
    public static func number(service: PaymentService, sequence: Int) -> String {
        let letter = ["cash": "C", "card": "K", "qr": "Q", "invoice": "I", "business": "B"][service.rawValue] ?? "T"
        return letter + String(format: "%03d", sequence % 1_000)
    }
}
