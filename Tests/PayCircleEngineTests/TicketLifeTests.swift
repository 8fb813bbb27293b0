import Foundation
import PayCircleCore
import PayCircleEngine
import PayCircleStore
import PayCircleTestSupport
import Testing

/// A ticket's life on a manual clock, on either store: called once, closed once, and a called ticket not
/// closed within the no-show time becomes a no-show by the sweep; called tickets hold no place.
@Suite struct TicketLifeTests {
    @Test(arguments: TestStore.Kind.available) func calledServedAndNoShow(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let clock = ManualClock(EngineRulesTests.morning)
        let engine = try await EngineRulesTests.engine(test, clock: clock)
        _ = try await engine.record(QueueReport(hallID: "hall-1", reportedAt: clock.now, services: [.cash: ServiceQueue(waiting: 2, openCounters: 1, handlingSeconds: 90)]))
        let first = try await engine.issueTicket(hallID: "hall-1", service: .cash, customer: "app-user-1", from: nil).ticket
        let second = try await engine.issueTicket(hallID: "hall-1", service: .cash, customer: "app-user-2", from: nil).ticket
        #expect([first.number, second.number] == ["C001", "C002"])

        clock.advance(by: 60)
        let called = try await engine.callTicket(hallID: "hall-1", service: .cash, number: "C001")
        #expect(called.id == first.id && called.status == .called && called.calledAt == clock.now)
        let again = await #expect(throws: EngineError.self) { try await engine.callTicket(hallID: "hall-1", service: .cash, number: "C001") }
        #expect(again?.kind == .notFound && again?.field == "number")
        // A called ticket holds no place: the next one has the reported two and C002 ahead.
        #expect(try await engine.issueTicket(hallID: "hall-1", service: .cash, customer: "app-user-3", from: nil).ticket.ahead == 3)

        let served = try await engine.closeTicket(hallID: "hall-1", service: .cash, number: "C001", outcome: .served)
        #expect(served.status == .served)
        await #expect(throws: EngineError.self) { try await engine.closeTicket(hallID: "hall-1", service: .cash, number: "C001", outcome: .noShow) }

        _ = try await engine.callTicket(hallID: "hall-1", service: .cash, number: "C002")
        clock.advance(by: engine.ticketRules.noShowAfter - 1)
        #expect(try await engine.sweepTickets().noShows == 0)
        clock.advance(by: 2)
        #expect(try await engine.sweepTickets().noShows == 1)
        #expect(try await engine.ticket(id: second.id).status == .noShow)
        await #expect(throws: EngineError.self) { try await engine.closeTicket(hallID: "hall-1", service: .cash, number: "C002", outcome: .served) }
        #expect(try await test.reopen().ticket(id: first.id)?.status == .served)
    }

    /// Numbers start again at C001 when the hall's local day starts (midnight in Asia/Shanghai, 16:00 UTC);
    /// tickets still waiting from the day before, or at a hall that has closed, expire.
    @Test(arguments: TestStore.Kind.available) func numbersStartEachLocalDayAndWaitingTicketsExpire(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let lateEvening = Date(timeIntervalSince1970: 1_796_053_800)   // 2026-11-30 23:50 in Dongguan
        let clock = ManualClock(lateEvening)
        let engine = try await EngineRulesTests.engine(test, clock: clock)
        func report() async throws {
            _ = try await engine.record(QueueReport(hallID: "hall-1", reportedAt: clock.now, services: [.cash: ServiceQueue(waiting: 0, openCounters: 1, handlingSeconds: 60)]))
        }
        try await report()
        let evening = try await engine.issueTicket(hallID: "hall-1", service: .cash, customer: "app-user-4", from: nil).ticket
        #expect(evening.number == "C001")
        #expect(try await engine.issueTicket(hallID: "hall-1", service: .cash, customer: "app-user-5", from: nil).ticket.number == "C002")
        #expect(try await engine.sweepTickets().expired == 0)

        clock.advance(by: 20 * 60)   // 00:10 the next day
        try await report()
        #expect(try await engine.issueTicket(hallID: "hall-1", service: .cash, customer: "app-user-6", from: nil).ticket.number == "C001")
        #expect(try await engine.sweepTickets().expired == 2)
        #expect(try await engine.ticket(id: evening.id).status == .expired)

        // A hall that keeps hours: its waiting tickets expire once it has closed.
        var dayHall = EngineRulesTests.hall
        dayHall.id = "hall-2"
        dayHall.openingHours = OpeningHours("Mo-Su 08:00-17:00")
        try await engine.replacePoint(dayHall, by: EngineRulesTests.token(.admin))
        clock.set(Date(timeIntervalSince1970: 1_796_112_000))   // 2026-12-01 16:00 in Dongguan
        _ = try await engine.record(QueueReport(hallID: "hall-2", reportedAt: clock.now, services: [.cash: ServiceQueue(waiting: 0, openCounters: 1, handlingSeconds: 60)]))
        let afternoon = try await engine.issueTicket(hallID: "hall-2", service: .cash, customer: "app-user-7", from: nil).ticket
        clock.advance(by: 65 * 60)   // 17:05
        _ = try await engine.sweepTickets()
        #expect(try await engine.ticket(id: afternoon.id).status == .expired)
    }

    /// No ticket for a hall that is closed (the refusal says when it opens) or that closes before the
    /// estimated call; a refused ticket leaves nothing stored.
    @Test(arguments: TestStore.Kind.available) func aClosedHallOrOneClosingBeforeTheCallGivesNoTicket(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let clock = ManualClock(Date(timeIntervalSince1970: 1_796_079_600))   // 2026-12-01 07:00 in Dongguan
        let engine = try await EngineRulesTests.engine(test, clock: clock)
        var dayHall = EngineRulesTests.hall
        dayHall.id = "hall-2"
        dayHall.openingHours = OpeningHours("Mo-Su 08:00-17:00")
        try await engine.replacePoint(dayHall, by: EngineRulesTests.token(.admin))
        func report(waiting: Int) async throws {
            _ = try await engine.record(QueueReport(hallID: "hall-2", reportedAt: clock.now,
                                                    services: [.cash: ServiceQueue(waiting: waiting, openCounters: 1, handlingSeconds: 120)]))
        }
        try await report(waiting: 10)
        let closed = await #expect(throws: EngineError.self) { try await engine.issueTicket(hallID: "hall-2", service: .cash, customer: "app-user-8", from: nil) }
        #expect(closed?.code == "hall_closed")
        #expect(closed?.message == "'hall-2' is closed now; it opens at 2026-12-01T08:00:00+08:00")

        clock.set(Date(timeIntervalSince1970: 1_796_114_400))   // 16:40: eleven departures at 120 s each end after 17:00
        try await report(waiting: 10)
        let late = await #expect(throws: EngineError.self) { try await engine.issueTicket(hallID: "hall-2", service: .cash, customer: "app-user-9", from: nil) }
        #expect(late?.code == "closes_before_call" && late?.kind == .conflict)
        #expect(try await test.store.waitingTickets().isEmpty)

        try await report(waiting: 2)   // three departures: called about 16:46
        #expect(try await engine.issueTicket(hallID: "hall-2", service: .cash, customer: "app-user-10", from: nil).ticket.number == "C001")
        #expect(try await test.store.waitingTickets().count == 1)
    }

    /// A ticket belongs to its holder: one active ticket per customer and hall, only the key given at issue
    /// cancels it, and a service's waiting remote tickets stop at their share of the next hour's capacity
    /// (one counter at 600 s serves 6 an hour; half of that is 3).
    @Test(arguments: TestStore.Kind.available) func aTicketBelongsToItsHolder(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let clock = ManualClock(EngineRulesTests.morning)
        let engine = try await EngineRulesTests.engine(test, clock: clock, ticketRules: TicketRules(remoteShare: 0.5))
        _ = try await engine.record(QueueReport(hallID: "hall-1", reportedAt: clock.now, services: [.cash: ServiceQueue(waiting: 0, openCounters: 1, handlingSeconds: 600)]))
        func issue(_ customer: String) async throws -> IssuedTicket {
            try await engine.issueTicket(hallID: "hall-1", service: .cash, customer: customer, from: nil)
        }
        let alice = try await issue("alice")
        let twice = await #expect(throws: EngineError.self) { try await issue("alice") }
        #expect(twice?.code == "already_holding" && twice?.kind == .conflict && twice?.field == "customer")
        #expect(twice?.message.contains("C001") == true)
        let bob = try await issue("bob")
        _ = try await issue("carol")
        let full = await #expect(throws: EngineError.self) { try await issue("dave") }
        #expect(full?.code == "remote_queue_full" && full?.kind == .conflict)
        #expect(full?.message == "'hall-1' has 3 remote cash tickets waiting, the most its counters allow (50% of the next hour's capacity)")

        // Kept as digests only: neither the customer id nor the key is in the store.
        let stored = try #require(try await test.store.ticket(id: alice.ticket.id))
        #expect(stored.holderDigest?.count == 64 && stored.holderDigest != "alice")
        #expect(stored.keyDigest?.count == 64 && stored.keyDigest != alice.key && alice.key != bob.key)

        // Only Alice's key cancels Alice's ticket.
        let unkeyed = await #expect(throws: EngineError.self) { try await engine.cancelTicket(id: alice.ticket.id, key: nil) }
        #expect(unkeyed?.kind == .forbidden && unkeyed?.code == "wrong_ticket_key")
        let wrong = await #expect(throws: EngineError.self) { try await engine.cancelTicket(id: alice.ticket.id, key: bob.key) }
        #expect(wrong?.kind == .forbidden)
        try await engine.cancelTicket(id: alice.ticket.id, key: alice.key)
        let again = await #expect(throws: EngineError.self) { try await engine.cancelTicket(id: alice.ticket.id, key: alice.key) }
        #expect(again?.kind == .notFound)

        // Cancelled, Alice may take another; the queue is full again at three.
        #expect(try await issue("alice").ticket.number == "C004")
        #expect(await #expect(throws: EngineError.self) { try await issue("dave") }?.code == "remote_queue_full")
        // A called ticket waits no more (room for Dave) but is still held (Bob may not take a second).
        _ = try await engine.callTicket(hallID: "hall-1", service: .cash, number: bob.ticket.number)
        #expect(try await issue("dave").ticket.number == "C005")
        #expect(await #expect(throws: EngineError.self) { try await issue("bob") }?.code == "already_holding")
    }

    /// Places that move: issued when the hall had served 10 with 4 waiting, Alice waits for the 15th call of
    /// the day and Bob for the 16th. A report of 12 served moves Alice to two ahead; calling her moves Bob
    /// to two ahead of the call; walk-ins meet the remote tickets still waiting in the hall's queue.
    @Test(arguments: TestStore.Kind.available) func reportsAndCallsMoveTicketsAndWalkInsCountThem(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let clock = ManualClock(EngineRulesTests.morning)
        let engine = try await EngineRulesTests.engine(test, clock: clock)
        func report(waiting: Int, served: Int) async throws {
            _ = try await engine.record(QueueReport(hallID: "hall-1", reportedAt: clock.now,
                                                    services: [.cash: ServiceQueue(waiting: waiting, openCounters: 2, handlingSeconds: 120, servedToday: served)]))
        }
        try await report(waiting: 4, served: 10)
        clock.advance(by: 10)
        let alice = try await engine.issueTicket(hallID: "hall-1", service: .cash, customer: "alice", from: nil).ticket
        let bob = try await engine.issueTicket(hallID: "hall-1", service: .cash, customer: "bob", from: nil).ticket
        #expect(alice.departure == 15 && bob.departure == 16)
        #expect(try await engine.place(of: alice) == QueuePlace(remaining: 5, rate: 1.0 / 60, since: alice.issuedAt))
        // The walk-in's queue: four the hall counted and the two remote tickets.
        #expect(engine.queues.queue(for: "hall-1")?.services[.cash]?.waiting == 6)
        #expect(engine.queues.report(for: "hall-1")?.services[.cash]?.waiting == 4)

        clock.advance(by: 60)
        try await report(waiting: 2, served: 12)
        let reported = clock.now
        #expect(try await engine.place(of: alice) == QueuePlace(remaining: 3, rate: 1.0 / 60, since: reported))
        #expect(try await engine.place(of: bob) == QueuePlace(remaining: 4, rate: 1.0 / 60, since: reported))

        clock.advance(by: 30)
        _ = try await engine.callTicket(hallID: "hall-1", service: .cash, number: alice.number)
        #expect(try await engine.place(of: bob) == QueuePlace(remaining: 3, rate: 1.0 / 60, since: clock.now))
        #expect(engine.queues.remoteWaiting(hallID: "hall-1", service: .cash) == 1)
        #expect(engine.queues.queue(for: "hall-1")?.services[.cash]?.waiting == 3)
        // A ticket issued now counts the call made since the report: served 12 + 1 call, 2 + Bob ahead.
        let carol = try await engine.issueTicket(hallID: "hall-1", service: .cash, customer: "carol", from: nil).ticket
        #expect(carol.ahead == 3 && carol.departure == 17)
        // A new engine over the same store counts the waiting tickets from it.
        let reopened = try await PayCircleEngine.open(test.store, clock: clock)
        #expect(reopened.queues.remoteWaiting(hallID: "hall-1", service: .cash) == 2)
    }
}
