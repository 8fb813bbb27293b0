import Foundation
import PayCircleCore

/// A ticket as the API shows it at `now`, from where it stands (``QueuePlace``, moved by the hall's
/// reports and calls): `{"id", "hall_id", "service", "number", "status", "issued_at", "ahead", "position",
/// "call_at", "call_early", "call_late", "called_at", "walk_s", "leave_at", "leave_now"}`; the walk fields
/// are null without a place to walk from, and a called ticket's call times are when it was called. The
/// answer that issues it adds `"ticket_key"`, shown only then.
struct TicketJSON: JSONWritable {
    let ticket: QueueTicket
    let place: QueuePlace
    let walkSeconds: Double?
    let now: Date
    var key: String? = nil

    func write(to json: inout JSONWriter) {
        let call = ticket.calledAt.map { ($0, $0, $0) } ?? place.callTime(at: now)
        let ahead = ticket.status == .waiting ? place.ahead : 0
        json.object { json in
            json.field("id", ticket.id)
            json.field("hall_id", ticket.hallID)
            json.field("service", ticket.service.rawValue)
            json.field("number", ticket.number)
            json.field("status", ticket.status.rawValue)
            json.field("issued_at", ticket.issuedAt)
            json.field("ahead", Double(ahead))
            json.field("position", Double(ahead + 1))
            json.field("call_at", call.0)
            json.field("call_early", call.1)
            json.field("call_late", call.2)
            json.nullableField("called_at", ticket.calledAt)
            json.nullableField("walk_s", walkSeconds.map { $0.rounded() })
            let leave = ticket.status == .waiting ? walkSeconds.map { place.leaveAt(walkSeconds: $0, now: now) } : nil
            json.nullableField("leave_at", leave.map { max($0, now) })
            json.nullableField("leave_now", leave.map { $0 <= now })
            if let key { json.field("ticket_key", key) }
        }
    }
}
