import Foundation
import PayCircleCore

/// `PUT /v1/halls/{id}/appointment-settings`: `{"slot_minutes": 30, "capacity": {"cash": 4, "business": 2},
/// "fit_to_forecast": true}` (the last is optional, false when left out).
struct AppointmentSettingsBody: Decodable {
    let slotMinutes: Int
    let capacity: [PaymentService: Int]
    let fitToForecast: Bool

    init(from decoder: any Decoder) throws {
        let members = try decoder.members(else: "expected an object")
        let minutes = try members.required(Double.self, BodyKey("slot_minutes"), else: "expected whole minutes, e.g. 30")
        guard minutes == minutes.rounded(), abs(minutes) < 1e6 else { throw InputError("expected whole minutes, e.g. 30", field: "slot_minutes") }
        slotMinutes = Int(minutes)
        let example = "expected an object of services and whole numbers, e.g. {\"cash\": 4, \"business\": 2}"
        let byName: KeyedDecodingContainer<BodyKey>
        do { byName = try members.nestedContainer(keyedBy: BodyKey.self, forKey: BodyKey("capacity")) } catch {
            throw InputError(example, field: "capacity")
        }
        var capacity: [PaymentService: Int] = [:]
        for key in byName.allKeys {
            guard let service = PaymentService(rawValue: key.stringValue) else {
                throw InputError("unknown service (one of \(PaymentService.allCases.map(\.rawValue).joined(separator: ", ")))", field: "capacity.\(key.stringValue)")
            }
            let count = try byName.required(Double.self, key, else: "expected a whole number from 0 to \(AppointmentSettings.capacityRange.upperBound)")
            guard count == count.rounded(), AppointmentSettings.capacityRange.contains(Int(exactly: count) ?? -1) else {
                throw InputError("expected a whole number from 0 to \(AppointmentSettings.capacityRange.upperBound)", field: "capacity.\(key.stringValue)")
            }
            capacity[service] = Int(count)
        }
        self.capacity = capacity
        fitToForecast = try members.optional(Bool.self, BodyKey("fit_to_forecast"), else: "expected true or false") ?? false
    }
}

/// `POST /v1/halls/{id}/appointments`: `{"service": "cash", "start": "2026-12-01T10:00:00+08:00", "customer": "9f2c…"}`.
struct AppointmentBody: Decodable {
    let service: PaymentService
    let start: Date
    let customer: String

    init(from decoder: any Decoder) throws {
        let members = try decoder.members(else: "expected an object")
        service = try members.required(oneOf: PaymentService.self, BodyKey("service"))
        let expectation = "expected an ISO 8601 time such as 2026-12-01T10:00:00+08:00, the start of a slot"
        guard let start = PointRecord.parseTimestamp(try members.required(String.self, BodyKey("start"), else: expectation)) else {
            throw InputError(expectation, field: "start")
        }
        self.start = start
        customer = try TicketBody.customer(in: members)
    }
}
