import Foundation
import PayCircleCore

/// The columns of the `appointments` table in both stores, in this order, and the settings' capacity
/// as JSON text.
package enum AppointmentRow {
    package static let columns = "id, hall_id, service, slot_start, slot_end, status, booked_at, customer_sha256, key_sha256, ticket_id"

    package static func appointment(id: String, hallID: String, service: String, start: Double, end: Double, status: String, bookedAt: Double,
                                    holderDigest: String, keyDigest: String, ticketID: String?) throws -> Appointment {
        guard let service = PaymentService(rawValue: service), let status = Appointment.Status(rawValue: status) else {
            throw StoreError("appointment '\(id)' has an unknown service or status")
        }
        return Appointment(id: id, hallID: hallID, service: service, start: Date(timeIntervalSince1970: start), end: Date(timeIntervalSince1970: end),
                           status: status, bookedAt: Date(timeIntervalSince1970: bookedAt), holderDigest: holderDigest, keyDigest: keyDigest,
                           ticketID: ticketID)
    }

    /// A new appointment id.
    package static func newID() -> String {
        "apt_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    }

    /// `{"cash": 4}` for the capacity of each service.
    package static func capacityJSON(_ capacity: [PaymentService: Int]) -> String {
        let members = capacity.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\"\($0.key.rawValue)\":\($0.value)" }
        return "{" + members.joined(separator: ",") + "}"
    }

    package static func capacity(json: String) throws -> [PaymentService: Int] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Int] else {
            throw StoreError("appointment capacity is not an object of whole numbers: \(json)")
        }
        var capacity: [PaymentService: Int] = [:]
        for (name, count) in object {
            guard let service = PaymentService(rawValue: name) else { throw StoreError("appointment capacity names an unknown service '\(name)'") }
            capacity[service] = count
        }
        return capacity
    }
}
