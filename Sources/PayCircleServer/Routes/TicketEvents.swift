import Foundation
import HTTPTypes
import Hummingbird
import PayCircleCore
import PayCircleEngine
import ServiceLifecycle

/// `GET /v1/tickets/{id}/events`: a ticket's changes pushed as Server-Sent Events, so that apps need not
/// poll. The stream opens with an `update` (the ticket as `GET /v1/tickets/{id}` shows it), sends another
/// whenever its status or position changes or its expected call moves by ``callShift`` or more, sends
/// `called` when the hall calls it, and ends after the update that shows it served, a no-show, cancelled
/// or expired. It wakes on the hall's changes in this instance at once and reads the store every second
/// for the rest (other instances, the passing time); a comment every ``keepAlive`` keeps proxies from
/// closing a quiet stream.
struct TicketEvents: Sendable {
    let engine: PayCircleEngine
    static let callShift: TimeInterval = 30
    static let keepAlive: TimeInterval = 15

    func response(id: String) async throws -> Response {
        let first = try await engine.ticket(id: id)
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { [engine] writer in
            let watch = engine.signals.watch(first.hallID)
            defer { watch.stop() }
            var sent: Sent?
            var quietSince = engine.clock.now
            for await _ in watch.wakes {
                if Task.isCancelled || Task.isShuttingDownGracefully { break }
                let ticket = try await engine.ticket(id: id)
                let place = try await engine.place(of: ticket)
                let now = engine.clock.now
                let shown = Sent(ticket: ticket, place: place, now: now)
                if let event = shown.event(after: sent) {
                    let json = String(decoding: TicketJSON(ticket: ticket, place: place, walkSeconds: nil, now: now).jsonBytes, as: UTF8.self)
                    try await writer.write(ServerSentEvent(event, data: json).buffer)
                    sent = shown
                    quietSince = now
                } else if now.timeIntervalSince(quietSince) >= Self.keepAlive {
                    try await writer.write(ServerSentEvent(comment: "waiting").buffer)
                    quietSince = now
                }
                if ticket.status.hasEnded { break }
            }
            try await writer.finish(nil)
        })
    }

    /// What the last event said, to tell whether the next is worth sending.
    struct Sent {
        let status: QueueTicket.Status
        let position: Int
        let expectedCall: Date

        init(ticket: QueueTicket, place: QueuePlace, now: Date) {
            status = ticket.status
            position = ticket.status == .waiting ? place.remaining : 0
            expectedCall = ticket.calledAt ?? place.callTime(at: now).expected
        }

        /// `called` when it has just been called, `update` when anything else changed, nil when nothing did.
        func event(after previous: Sent?) -> String? {
            guard let previous else { return status == .called ? "called" : "update" }
            if status == .called && previous.status != .called { return "called" }
            if status != previous.status || position != previous.position { return "update" }
            return abs(expectedCall.timeIntervalSince(previous.expectedCall)) >= TicketEvents.callShift ? "update" : nil
        }
    }
}
