import Foundation
import PayCircleCore
import Testing

/// Ticket call times as time passes, against SciPy's conditional Gamma for 5 departures at 1/60 s:
/// at issue mean 300 s and band 145.955–479.615 s; after 300 s without a call mean 419.503 s and band
/// 315.481–561.420 s (all from issue).
@Suite struct QueueTicketTests {
    static let issued = Date(timeIntervalSince1970: 1_795_000_000)
    static let ticket = QueueTicket(id: "t", hallID: "h", service: .cash, number: "C001", issuedAt: issued, ahead: 4, rate: 1.0 / 60)

    static func seconds(_ date: Date) -> Double { date.timeIntervalSince(issued) }

    @Test func atIssueThePlainGamma() {
        let call = Self.ticket.callTime(at: Self.issued)
        #expect(abs(Self.seconds(call.expected) - 300) < 1e-6)
        #expect(abs(Self.seconds(call.early) - 145.955) < 1e-3 && abs(Self.seconds(call.late) - 479.615) < 1e-3)
        #expect(abs(Self.seconds(Self.ticket.leaveAt(walkSeconds: 100, now: Self.issued)) - 45.955) < 1e-3)
    }

    @Test func laterWithoutACallTheEstimateMovesOn() {
        let call = Self.ticket.callTime(at: Self.issued.addingTimeInterval(300))
        #expect(abs(Self.seconds(call.expected) - 419.503) < 1e-3)
        #expect(abs(Self.seconds(call.early) - 315.481) < 1e-3 && abs(Self.seconds(call.late) - 561.420) < 1e-3)
        // Hours overdue: any moment now.
        let late = Self.issued.addingTimeInterval(36_000)
        #expect(Self.ticket.callTime(at: late).expected == late)
    }

    @Test func numbersByService() {
        #expect(QueueTicket.number(service: .cash, sequence: 17) == "C017")
        #expect(QueueTicket.number(service: .invoice, sequence: 1_002) == "I1002")
    }
}
