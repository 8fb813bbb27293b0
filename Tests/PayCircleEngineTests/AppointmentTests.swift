import Foundation
import PayCircleCore
import PayCircleEngine
import PayCircleStore
import PayCircleTestSupport
import Testing

/// Appointments on either store, on a manual clock, at a hall open 08:00-17:00 in Dongguan with
/// half-hour slots taking two cash bookings: the slots follow the opening hours, a slot takes its
/// capacity and no more, one holding per customer and hall (tickets too), check-in opens 15 minutes
/// before the slot and gives a ticket ahead of walk-ins, and bookings not checked in become no-shows.
@Suite struct AppointmentTests {
    static let sevenAM = Date(timeIntervalSince1970: 1_796_079_600)   // 2026-12-01 07:00 in Dongguan
    static let eightAM = sevenAM.addingTimeInterval(3_600)
    static let tenAM = sevenAM.addingTimeInterval(3 * 3_600)

    /// An engine over `test` whose hall-1 is open 08:00-17:00 every day.
    static func engineWithHall(_ test: TestStore, clock: ManualClock) async throws -> PayCircleEngine {
        let engine = try await EngineRulesTests.engine(test, clock: clock)
        var hall = EngineRulesTests.hall
        hall.openingHours = OpeningHours("Mo-Su 08:00-17:00")
        try await engine.replacePoint(hall, by: EngineRulesTests.token(.admin))
        return engine
    }

    @Test(arguments: TestStore.Kind.available) func bookingsFollowTheHoursTheCapacityAndTheirHolders(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let clock = ManualClock(Self.sevenAM)
        let engine = try await Self.engineWithHall(test, clock: clock)
        let settings = AppointmentSettings(hallID: "hall-1", slotMinutes: 30, capacity: [.cash: 2])
        let elsewhere = Credentials.valid(EngineRulesTests.token(.operator, points: ["hall-9"]))
        #expect(await #expect(throws: EngineError.self) { try await engine.setAppointmentSettings(settings, by: elsewhere) }?.kind == .forbidden)
        var odd = settings
        odd.slotMinutes = 7
        #expect(await #expect(throws: EngineError.self) { try await engine.setAppointmentSettings(odd, by: .valid(EngineRulesTests.token(.admin))) }?.field == "slot_minutes")
        try await engine.setAppointmentSettings(settings, by: .valid(EngineRulesTests.token(.operator, points: ["hall-1"])))

        // 08:00 to 17:00 in half hours: eighteen slots, the first at 08:00 local.
        let slots = try await engine.slots(hallID: "hall-1", service: .cash, date: "2026-12-01")
        #expect(slots.count == 18 && slots.first?.start == Self.eightAM && slots.last?.end == Self.eightAM.addingTimeInterval(9 * 3_600))
        #expect(await #expect(throws: EngineError.self) { try await engine.slots(hallID: "hall-1", service: .business, date: nil) }?.code == "no_appointments")
        #expect(await #expect(throws: EngineError.self) { try await engine.slots(hallID: "hall-1", service: .cash, date: "2026-02-30") }?.field == "date")

        let alice = try await engine.bookAppointment(hallID: "hall-1", service: .cash, start: Self.tenAM, customer: "alice")
        let bob = try await engine.bookAppointment(hallID: "hall-1", service: .cash, start: Self.tenAM, customer: "bob")
        #expect(alice.appointment.end == Self.tenAM.addingTimeInterval(1_800) && alice.key != bob.key)
        let full = await #expect(throws: EngineError.self) { try await engine.bookAppointment(hallID: "hall-1", service: .cash, start: Self.tenAM, customer: "carol") }
        #expect(full?.code == "slot_full" && full?.kind == .conflict)
        let twice = await #expect(throws: EngineError.self) {
            try await engine.bookAppointment(hallID: "hall-1", service: .cash, start: Self.tenAM.addingTimeInterval(1_800), customer: "alice")
        }
        #expect(twice?.code == "already_holding")
        let offSlot = await #expect(throws: EngineError.self) {
            try await engine.bookAppointment(hallID: "hall-1", service: .cash, start: Self.tenAM.addingTimeInterval(600), customer: "carol")
        }
        #expect(offSlot?.kind == .invalid && offSlot?.field == "start")
        #expect(try await engine.slots(hallID: "hall-1", service: .cash, date: "2026-12-01").first { $0.start == Self.tenAM }?.booked == 2)
        // A booking holds like a ticket: no remote ticket for Alice at the same hall.
        clock.set(Self.tenAM.addingTimeInterval(-20 * 60))   // 09:40
        _ = try await engine.record(QueueReport(hallID: "hall-1", reportedAt: clock.now, services: [.cash: ServiceQueue(waiting: 5, openCounters: 1, handlingSeconds: 120)]))
        #expect(await #expect(throws: EngineError.self) { try await engine.issueTicket(hallID: "hall-1", service: .cash, customer: "alice", from: nil) }?.code == "already_holding")

        // Check-in opens at 09:45, with the key only; it gives a ticket ahead of the five walk-ins.
        #expect(await #expect(throws: EngineError.self) { try await engine.checkIn(appointmentID: alice.appointment.id, key: alice.key) }?.code == "outside_check_in")
        clock.set(Self.tenAM.addingTimeInterval(-10 * 60))   // 09:50
        #expect(await #expect(throws: EngineError.self) { try await engine.checkIn(appointmentID: alice.appointment.id, key: bob.key) }?.kind == .forbidden)
        let aliceTicket = try await engine.checkIn(appointmentID: alice.appointment.id, key: alice.key)
        #expect(aliceTicket.ahead == 0 && aliceTicket.appointmentID == alice.appointment.id && aliceTicket.number == "C001")
        let bobTicket = try await engine.checkIn(appointmentID: bob.appointment.id, key: bob.key)
        #expect(bobTicket.ahead == 1)
        #expect(try await engine.appointment(id: alice.appointment.id).status == .checkedIn)
        #expect(try await engine.appointment(id: alice.appointment.id).ticketID == aliceTicket.id)
        #expect(await #expect(throws: EngineError.self) { try await engine.checkIn(appointmentID: alice.appointment.id, key: alice.key) }?.code == "not_booked")
        // A walk-in now meets the five the hall counted and the two checked in.
        #expect(engine.queues.queue(for: "hall-1")?.services[.cash]?.waiting == 7)

        // Only the key cancels a booking, which frees its place in the slot.
        let erin = try await engine.bookAppointment(hallID: "hall-1", service: .cash, start: Self.tenAM.addingTimeInterval(1_800), customer: "erin")
        #expect(await #expect(throws: EngineError.self) { try await engine.cancelAppointment(id: erin.appointment.id, key: nil) }?.kind == .forbidden)
        try await engine.cancelAppointment(id: erin.appointment.id, key: erin.key)
        #expect(try await engine.appointment(id: erin.appointment.id).status == .cancelled)
        #expect(await #expect(throws: EngineError.self) { try await engine.cancelAppointment(id: erin.appointment.id, key: erin.key) }?.kind == .notFound)
        #expect(try await engine.slots(hallID: "hall-1", service: .cash, date: "2026-12-01").first { $0.start == Self.tenAM.addingTimeInterval(1_800) }?.booked == 0)

        // A booking whose slot has begun cannot be made; one not checked in by its end is a no-show.
        let dave = try await engine.bookAppointment(hallID: "hall-1", service: .cash, start: Self.tenAM.addingTimeInterval(3_600), customer: "dave")
        clock.set(Self.tenAM.addingTimeInterval(5 * 60))
        #expect(await #expect(throws: EngineError.self) { try await engine.bookAppointment(hallID: "hall-1", service: .cash, start: Self.tenAM, customer: "erin") }?.code == "slot_past")
        clock.set(Self.tenAM.addingTimeInterval(3_600 + 1_800 + 1))   // 11:30:01
        _ = try await engine.sweepTickets()
        #expect(try await engine.appointment(id: dave.appointment.id).status == .noShow)
        #expect(try await test.reopen().appointment(id: bob.appointment.id)?.status == .checkedIn)
    }

    /// A hall that fits its slots to the forecast, with figures worked by hand from last Tuesday's reports
    /// (two counters of 120 s: 60 an hour): at 09:00 four wait with ten served, at 09:10 six with fourteen
    /// (6 arrivals in 600 s: 36 an hour), so a 09:00 or 09:30 slot has (60 − 36) × 0.5 = 12 spare; at 11:00
    /// ten wait with fifty served, at 11:10 fourteen with fifty-six (60 an hour), so 11:00 has none; 10:00 has
    /// no history and keeps the set 20. Without the fit every slot takes 20.
    @Test(arguments: TestStore.Kind.available) func slotsFittedToTheForecastTakeOnlyTheSpareCapacity(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let clock = ManualClock(Self.sevenAM)
        let engine = try await Self.engineWithHall(test, clock: clock)
        let lastWeek = Self.eightAM.addingTimeInterval(-7 * 86_400)
        for (minutes, waiting, served) in [(60, 4, 10), (70, 6, 14), (180, 10, 50), (190, 14, 56)] {
            try await test.store.recordQueueReport(QueueReport(hallID: "hall-1", reportedAt: lastWeek.addingTimeInterval(Double(minutes * 60)), services: [
                .cash: ServiceQueue(waiting: waiting, openCounters: 2, handlingSeconds: 120, servedToday: served),
            ]))
        }
        let admin = Credentials.valid(EngineRulesTests.token(.admin))
        try await engine.setAppointmentSettings(AppointmentSettings(hallID: "hall-1", slotMinutes: 30, capacity: [.cash: 20], fitToForecast: true), by: admin)
        #expect(try await test.reopen().appointmentSettings(hallID: "hall-1")?.fitToForecast == true)

        let capacities = try await engine.slots(hallID: "hall-1", service: .cash, date: "2026-12-01").map(\.capacity)
        #expect(capacities.count == 18)
        #expect(Array(capacities[2...7]) == [12, 12, 20, 20, 0, 0], "09:00 to 11:30: \(capacities)")
        let peak = Self.eightAM.addingTimeInterval(3 * 3_600)   // 11:00
        let full = await #expect(throws: EngineError.self) { try await engine.bookAppointment(hallID: "hall-1", service: .cash, start: peak, customer: "alice") }
        #expect(full?.code == "slot_full" && full?.message.contains("spare") == true)
        for customer in 0..<12 {
            _ = try await engine.bookAppointment(hallID: "hall-1", service: .cash, start: Self.eightAM.addingTimeInterval(3_600), customer: "c\(customer)")
        }
        #expect(await #expect(throws: EngineError.self) {
            try await engine.bookAppointment(hallID: "hall-1", service: .cash, start: Self.eightAM.addingTimeInterval(3_600), customer: "c12")
        }?.code == "slot_full")

        try await engine.setAppointmentSettings(AppointmentSettings(hallID: "hall-1", slotMinutes: 30, capacity: [.cash: 20]), by: admin)
        #expect(try await engine.slots(hallID: "hall-1", service: .cash, date: "2026-12-01").allSatisfy { $0.capacity == 20 })
        _ = try await engine.bookAppointment(hallID: "hall-1", service: .cash, start: peak, customer: "alice")
    }
}
