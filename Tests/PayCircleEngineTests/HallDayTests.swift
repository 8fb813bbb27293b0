import Foundation
import PayCircleCore
import PayCircleEngine
import PayCircleSimulation
import PayCircleStore
import PayCircleTestSupport
import Testing

/// The seeded hall-day simulation on a quiet day (a third of the default demand, two counters): the same
/// seed gives the same day, every walk-in is served and every remote ticket is called through the engine,
/// and the bookings it makes are all checked in and called.
@Suite struct HallDayTests {
    static func day(seed: UInt64, appointments: Double) async throws -> HallDay.Result {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        let hall = PaymentPoint(id: "hall-1", name: "南城营业厅", kind: .hall, services: [.cash], openingHours: OpeningHours("Mo-Su 08:00-18:00"),
                                location: Coordinate(latitude: 23.02, longitude: 113.75))
        try await test.store.write(PointChange(upserts: [hall]))
        let midnight = Date(timeIntervalSince1970: 1_796_054_400)   // 2026-12-01 00:00 in Dongguan
        let clock = ManualClock(midnight)
        let engine = try await PayCircleEngine.open(test.store, loading: .queues, clock: clock)
        var settings = HallDay.Settings()
        settings.seed = seed
        settings.counters = 2
        settings.appointmentShare = appointments
        settings.profile.base /= 3
        settings.profile.morningPeak.extra /= 3
        settings.profile.afternoonPeak.extra /= 3
        let result = try await HallDay(settings).run(engine: engine, clock: clock, hall: hall, day: midnight)
        let tickets = try await test.store.waitingTickets()
        #expect(tickets.isEmpty, "tickets still waiting at the end of the day: \(tickets.count)")
        return result
    }

    @Test func aSeededDayIsTheSameTwiceAndEveryoneIsServed() async throws {
        let first = try await Self.day(seed: 7, appointments: 0)
        let again = try await Self.day(seed: 7, appointments: 0)
        #expect(first.customers > 100 && first.customers == again.customers)
        #expect(first.walkInWaits == again.walkInWaits && first.callsInBand == again.callsInBand)
        #expect(first.walkInWaits.values.map(\.count).reduce(0, +) == first.walkIns)
        #expect(first.remoteCalls == first.remoteIssued && first.walkIns + first.remoteIssued == first.customers)
        #expect(first.shareInBand > 0.5 && first.shareInBand <= 1)

        let booked = try await Self.day(seed: 7, appointments: 0.25)
        #expect(booked.customers == first.customers && booked.appointments > 0)
        #expect(booked.walkIns + booked.remoteIssued + booked.appointments == booked.customers)
    }
}
