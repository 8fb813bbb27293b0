import Foundation

/// A remote queue ticket ("air queue"): a place in a hall's queue taken before walking there.
///
/// Its call time is estimated from the queue when it was issued: `ahead` people (those waiting then and
/// earlier remote tickets still held) leave counters as departures at `rate` per second, so it is called
/// at the `(ahead + 1)`-th departure — Gamma(`ahead + 1`, `rate`) after issue, as in ``WaitModel`` — and
/// the estimate is brought up to date as time passes without a call.
public struct QueueTicket: Sendable, Hashable {
    /// A ticket's life: `waiting → called → served | no_show`, `waiting → cancelled | expired`.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case waiting, cancelled, called, served
        case noShow = "no_show"
        case expired
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

    /// Waiting or called: the holder still holds a place in the hall.
    public var isActive: Bool { status == .waiting || status == .called }

    public init(id: String, hallID: String, service: PaymentService, number: String, issuedAt: Date, ahead: Int, rate: Double,
                status: Status = .waiting, calledAt: Date? = nil, holderDigest: String? = nil, keyDigest: String? = nil) {
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
    }

    /// The expected call time and its 80% band as known at `now`: given that the ticket has not been
    /// called in the `t` seconds since issue, the call is at `S` ~ Gamma(`k`, `rate`) conditioned on
    /// `S > t` — mean `(k / rate) · P(Poisson(rate·t) ≤ k) / P(Poisson(rate·t) ≤ k − 1)`, band from
    /// `P(S ≤ x | S > t)`. At issue (`t = 0`) that is the plain Gamma.
    public func callTime(at now: Date) -> (expected: Date, early: Date, late: Date) {
        let k = ahead + 1
        let t = max(0, now.timeIntervalSince(issuedAt))
        let stillWaiting = WaitModel.poissonCDF(k - 1, rate * t)   // P(S > t)
        guard stillWaiting > 1e-12 else { return (now, now, now) }   // long overdue: any moment now
        let mean = Double(k) / rate * WaitModel.poissonCDF(k, rate * t) / stillWaiting
        func quantile(_ p: Double) -> Double {
            // P(S ≤ x | S > t) = (P(S > t) − P(S > x)) / P(S > t), increasing in x from 0 at x = t.
            var low = t, high = max(t, mean) * 2 + 1
            while (stillWaiting - WaitModel.poissonCDF(k - 1, rate * high)) / stillWaiting < p { high *= 2 }
            for _ in 0..<80 {
                let middle = (low + high) / 2
                if (stillWaiting - WaitModel.poissonCDF(k - 1, rate * middle)) / stillWaiting < p { low = middle } else { high = middle }
            }
            return (low + high) / 2
        }
        return (issuedAt.addingTimeInterval(mean), issuedAt.addingTimeInterval(quantile(0.1)), issuedAt.addingTimeInterval(quantile(0.9)))
    }

    /// When to set out on a walk of `walkSeconds` to be there before the call nine times in ten.
    public func leaveAt(walkSeconds: Double, now: Date) -> Date {
        callTime(at: now).early.addingTimeInterval(-walkSeconds)
    }

    /// The ticket number: the service's letter and an at least three-digit sequence (`C017` for the 17th
    /// cash ticket; `C1002` after `C999`, never a number given before).
    public static func number(service: PaymentService, sequence: Int) -> String {
        let letter = ["cash": "C", "card": "K", "qr": "Q", "invoice": "I", "business": "B"][service.rawValue] ?? "T"
        return letter + String(format: "%03d", sequence)
    }
}
