import Foundation
import Hummingbird
import HummingbirdTesting
import PayCircleCore
import PayCircleEngine
import PayCircleServer
import PayCircleStore
import PayCircleTestSupport
import Testing

/// Appointments over HTTP on a manual clock (2026-12-01 09:00 in Dongguan, a hall open 08:00-17:00):
/// settings for the hall's operator only, the day's slots, a booking answered with its key once, and
/// check-in with that key giving a ticket; bad bodies name their field.
@Suite struct AppointmentRouteTests {
    static let nineAM = Date(timeIntervalSince1970: 1_796_086_800)

    @Test func aHallsSlotsAreBookedAndCheckedInto() async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        let hall = PaymentPoint(id: "hall-1", name: "南城营业厅", kind: .hall, services: [.cash], openingHours: OpeningHours("Mo-Su 08:00-17:00"),
                                location: Coordinate(latitude: 23.02, longitude: 113.75))
        try await test.store.write(PointChange(upserts: [hall]))
        let operatorToken = try await test.store.createToken(name: "hall-1 machine", role: .operator, points: ["hall-1"]).secret
        let otherToken = try await test.store.createToken(name: "another hall", role: .operator, points: ["hall-2"]).secret
        let clock = ManualClock(Self.nineAM)
        let engine = try await PayCircleEngine.open(test.store, clock: clock)
        // Last Tuesday at 10:05: three waited at one counter of 60 s, a walk-in's wait of 4 × 60 s.
        _ = try await engine.record(QueueReport(hallID: "hall-1", reportedAt: Self.nineAM.addingTimeInterval(-7 * 86_400 + 3_900),
                                                services: [.cash: ServiceQueue(waiting: 3, openCounters: 1, handlingSeconds: 60)]))
        let app = Application(router: PayCircleService(engine: engine).router())
        try await app.test(.router) { client in
            let settings = #"{"slot_minutes": 30, "capacity": {"cash": 1}}"#
            #expect(try await QueueRouteTests.send(client, .put, "/v1/halls/hall-1/appointment-settings", body: settings).0 == .unauthorized)
            #expect(try await QueueRouteTests.send(client, .put, "/v1/halls/hall-1/appointment-settings", token: otherToken, body: settings).0 == .forbidden)
            for (body, field) in [(#"{"slot_minutes": 30, "capacity": {"coins": 1}}"#, "capacity.coins"), (#"{"slot_minutes": 30, "capacity": {"cash": -1}}"#, "capacity.cash"),
                                  (#"{"slot_minutes": 7, "capacity": {"cash": 1}}"#, "slot_minutes"), (#"{"capacity": {"cash": 1}}"#, "slot_minutes"),
                                  (#"{"slot_minutes": 30, "capacity": {"cash": 1}, "fit_to_forecast": 1}"#, "fit_to_forecast")] {
                let (status, answer) = try await QueueRouteTests.send(client, .put, "/v1/halls/hall-1/appointment-settings", token: operatorToken, body: body)
                #expect(status == .badRequest && (answer["error"] as? [String: Any])?["field"] as? String == field, "\(body): \(answer)")
            }
            #expect(try await QueueRouteTests.send(client, .put, "/v1/halls/hall-1/appointment-settings", token: operatorToken, body: settings).0 == .noContent)

            let (listed, day) = try await QueueRouteTests.send(client, .get, "/v1/halls/hall-1/slots?service=cash")
            let slots = try #require(day["slots"] as? [[String: Any]])
            #expect(listed == .ok && day["date"] as? String == "2026-12-01" && slots.count == 18, "\(day)")
            #expect(slots.first?["start"] as? String == "2026-12-01T00:00:00Z" && slots.first?["capacity"] as? Double == 1)
            #expect(try await QueueRouteTests.send(client, .get, "/v1/halls/hall-1/slots?service=coins").0 == .badRequest)
            // The 10:00 slot shows last Tuesday's wait at that hour; the forecast has that hour and no other.
            #expect(slots[4]["predicted_wait_s"] as? Double == 240 && slots[3]["predicted_wait_s"] is NSNull)
            let (forecasted, forecast) = try await QueueRouteTests.send(client, .get, "/v1/halls/hall-1/forecast?service=cash")
            let hours = forecast["hours"] as? [[String: Any]] ?? []
            #expect(forecasted == .ok && hours.count == 1 && hours.first?["weekday"] as? String == "Tu" && hours.first?["hour"] as? Double == 10, "\(forecast)")
            #expect(hours.first?["serving_per_hour"] as? Double == 60 && hours.first?["arrivals_per_hour"] is NSNull)
            #expect(((forecast["today"] as? [String: Any])?["quietest"] as? [[String: Any]])?.first?["hour"] as? Double == 10)
            #expect(try await QueueRouteTests.send(client, .get, "/v1/halls/hall-1/forecast").0 == .badRequest)

            let booking = #"{"service": "cash", "start": "2026-12-01T10:00:00+08:00", "customer": "app-user-1"}"#
            let (booked, appointment) = try await QueueRouteTests.send(client, .post, "/v1/halls/hall-1/appointments", body: booking)
            #expect(booked == .created && appointment["status"] as? String == "booked" && appointment["check_in_from"] as? String == "2026-12-01T01:45:00Z", "\(appointment)")
            let id = try #require(appointment["id"] as? String), key = try #require(appointment["appointment_key"] as? String)
            let (_, again) = try await QueueRouteTests.send(client, .post, "/v1/halls/hall-1/appointments",
                                                           body: #"{"service": "cash", "start": "2026-12-01T10:00:00+08:00", "customer": "app-user-2"}"#)
            #expect((again["error"] as? [String: Any])?["code"] as? String == "slot_full")
            let (shown, looked) = try await QueueRouteTests.send(client, .get, "/v1/appointments/\(id)")
            #expect(shown == .ok && looked["appointment_key"] == nil && looked["start"] as? String == "2026-12-01T02:00:00Z")
            #expect((try await QueueRouteTests.send(client, .get, "/v1/halls/hall-1/slots?service=cash&date=2026-12-01").1["slots"] as? [[String: Any]])?[4]["booked"] as? Double == 1)

            clock.set(Self.nineAM.addingTimeInterval(50 * 60))   // 09:50
            #expect(try await QueueRouteTests.send(client, .post, "/v1/appointments/\(id)/check-in").0 == .forbidden)
            let (checkedIn, ticket) = try await QueueRouteTests.send(client, .post, "/v1/appointments/\(id)/check-in", headers: ["Appointment-Key": key])
            #expect(checkedIn == .created && ticket["number"] as? String == "C001" && ticket["position"] as? Double == 1, "\(ticket)")
            #expect(try await QueueRouteTests.send(client, .get, "/v1/appointments/\(id)").1["ticket_id"] as? String == ticket["id"] as? String)
            #expect(try await QueueRouteTests.send(client, .get, "/v1/appointments/apt_none").0 == .notFound)
            // A checked-in appointment is no longer booked: nothing to cancel, and only with its key.
            #expect(try await QueueRouteTests.send(client, .delete, "/v1/appointments/\(id)").0 == .forbidden)
            #expect(try await QueueRouteTests.send(client, .delete, "/v1/appointments/\(id)", headers: ["Appointment-Key": key]).0 == .notFound)
        }
    }
}
