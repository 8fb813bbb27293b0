import Foundation
import PayCircleCore

/// A ticket as the API shows it at `now` (estimates brought up to date): `{"id", "hall_id", "service", "number", "status", "issued_at", "ahead",
/// "position", "call_at", "call_early", "call_late", "walk_s", "leave_at", "leave_now"}`; the walk fields
/// are null without a place to walk from. The answer that issues it adds `"ticket_key"`, shown only then.
struct TicketJSON: JSONWritable {
    let ticket: QueueTicket
    let walkSeconds: Double?
    let now: Date
    var key: String? = nil

    func write(to json: inout JSONWriter) {
        let call = ticket.callTime(at: now)
        json.object { json in
            json.field("id", ticket.id)
            json.field("hall_id", ticket.hallID)
            json.field("service", ticket.service.rawValue)
            json.field("number", ticket.number)
            json.field("status", ticket.status.rawValue)
            json.field("issued_at", Timestamp.utcString(ticket.issuedAt))
            json.field("ahead", Double(ticket.ahead))
            json.field("position", Double(ticket.ahead + 1))
            json.field("call_at", Timestamp.utcString(call.expected))
            json.field("call_early", Timestamp.utcString(call.early))
            json.field("call_late", Timestamp.utcString(call.late))
            json.nullableField("walk_s", walkSeconds.map { $0.rounded() })
            let leave = walkSeconds.map { ticket.leaveAt(walkSeconds: $0, now: now) }
            json.nullableField("leave_at", leave.map { Timestamp.utcString(max($0, now)) })
            json.nullableField("leave_now", leave.map { $0 <= now })
            if let key { json.field("ticket_key", key) }
        }
    }
}
