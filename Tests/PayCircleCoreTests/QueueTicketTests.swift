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
        let call = Self.ticket.issuedPlace.callTime(at: Self.issued)
        #expect(abs(Self.seconds(call.expected) - 300) < 1e-6)
        #expect(abs(Self.seconds(call.early) - 145.955) < 1e-3 && abs(Self.seconds(call.late) - 479.615) < 1e-3)
        #expect(abs(Self.seconds(Self.ticket.issuedPlace.leaveAt(walkSeconds: 100, now: Self.issued)) - 45.955) < 1e-3)
    }

    @Test func laterWithoutACallTheEstimateMovesOn() {
        let call = Self.ticket.issuedPlace.callTime(at: Self.issued.addingTimeInterval(300))
        #expect(abs(Self.seconds(call.expected) - 419.503) < 1e-3)
        #expect(abs(Self.seconds(call.early) - 315.481) < 1e-3 && abs(Self.seconds(call.late) - 561.420) < 1e-3)
        // Hours overdue: any moment now.
        let late = Self.issued.addingTimeInterval(36_000)
        #expect(Self.ticket.issuedPlace.callTime(at: late).expected == late)
    }

    /// A ticket issued when the hall had served 10 and 4 waited waits for the 15th call of the day. A
    /// report of 13 served leaves it two departures from then; a call through PayCircle after that
    /// report leaves one, counted from the call; a report without a served count changes nothing.
    @Test func reportsAndCallsMoveItsPlace() {
        var ticket = Self.ticket
        ticket.departure = 15
        let report = Self.issued.addingTimeInterval(120)
        let queue = ServiceQueue(waiting: 3, openCounters: 2, handlingSeconds: 90, servedToday: 13)
        let moved = ticket.place(queue: queue, reportedAt: report, callsSince: 0, lastCall: nil)
        #expect(moved == QueuePlace(remaining: 2, rate: 2.0 / 90, since: report))
        let call = report.addingTimeInterval(30)
        #expect(ticket.place(queue: queue, reportedAt: report, callsSince: 1, lastCall: call) == QueuePlace(remaining: 1, rate: 2.0 / 90, since: call))
        // Served past its departure (a skipped number): any moment now, never a negative place.
        #expect(ticket.place(queue: queue, reportedAt: report, callsSince: 9, lastCall: call).remaining == 1)
        // Two departures at 2/90 s from the report: mean 90 s later (SciPy: band 23.932-175.037 s).
        let estimate = moved.callTime(at: report)
        #expect(abs(estimate.expected.timeIntervalSince(report) - 90) < 1e-6)
        #expect(abs(estimate.early.timeIntervalSince(report) - 23.932) < 1e-3 && abs(estimate.late.timeIntervalSince(report) - 175.037) < 1e-3)
        var silent = queue
        silent.servedToday = nil
        #expect(ticket.place(queue: silent, reportedAt: report, callsSince: 0, lastCall: nil) == ticket.issuedPlace)
        #expect(Self.ticket.place(queue: queue, reportedAt: report, callsSince: 0, lastCall: nil) == Self.ticket.issuedPlace)
    }

    /// Nobody ahead and a counter free half the time: the call is at once with chance 0.5, else after an
    /// exponential wait of mean 60 s; the 90th percentile is the 80th of that exponential, −60·ln 0.2 =
    /// 96.566 s, the mean 30 s, the 10th percentile at once. Once a moment has passed without a call, the
    /// free counter is ruled out. Erlang's loss formula for two counters at load 1: B = 0.2.
    @Test func aFreeCounterMayCallAtOnce() {
        let issued = Self.issued
        let place = QueuePlace(remaining: 1, rate: 1.0 / 60, since: issued, immediate: 0.5)
        let call = place.callTime(at: issued)
        #expect(call.early == issued && abs(call.expected.timeIntervalSince(issued) - 30) < 1e-9)
        #expect(abs(call.late.timeIntervalSince(issued) - 96.566) < 1e-3)
        let later = place.callTime(at: issued.addingTimeInterval(10))
        #expect(abs(later.expected.timeIntervalSince(issued) - 70) < 1e-6)
        #expect(abs(WaitModel.allBusyWhenNobodyWaits(counters: 2, arrivalsPerSecond: 1.0 / 120, handlingSeconds: 120) - 0.2) < 1e-12)
        #expect(WaitModel.allBusyWhenNobodyWaits(counters: 3, arrivalsPerSecond: 0, handlingSeconds: 120) == 0)
    }

    @Test func numbersByService() {
        #expect(QueueTicket.number(service: .cash, sequence: 17) == "C017")
        #expect(QueueTicket.number(service: .invoice, sequence: 1_002) == "I1002")
    }
}
