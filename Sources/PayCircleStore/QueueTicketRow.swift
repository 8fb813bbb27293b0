import Foundation
import PayCircleCore

/// The columns of the `queue_tickets` table in both stores, in this order.
package enum QueueTicketRow {
    package static let columns = "id, hall_id, service, number, issued_at, ahead, rate, status, called_at, customer_sha256, key_sha256, departure, appointment_id"

    package static func ticket(id: String, hallID: String, service: String, number: String, issuedAt: Double, ahead: Int, rate: Double,
                               status: String, calledAt: Double?, holderDigest: String?, keyDigest: String?, departure: Int?, appointmentID: String?) throws -> QueueTicket {
        guard let service = PaymentService(rawValue: service), let status = QueueTicket.Status(rawValue: status) else {
            throw StoreError("ticket '\(id)' has an unknown service or status")
        }
        return QueueTicket(id: id, hallID: hallID, service: service, number: number, issuedAt: Date(timeIntervalSince1970: issuedAt),
                           ahead: ahead, rate: rate, status: status, calledAt: calledAt.map(Date.init(timeIntervalSince1970:)),
                           holderDigest: holderDigest, keyDigest: keyDigest, departure: departure, appointmentID: appointmentID)
    }

    /// A new ticket id.
    package static func newID() -> String {
        "tkt_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    }
}
