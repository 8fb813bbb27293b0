import Foundation
import PayCircleCore
import PayCircleStore

/// A hall's newest queue report and the waits it means now for a walk-in already there, behind the
/// people the hall counted and the remote tickets still waiting: `{"hall_id", "reported_at", "age_s",
/// "fresh", "services": {"cash": {"waiting", "remote_waiting", "served_today", "open_counters",
/// "handling_s", "wait_s", "wait_low_s", "wait_high_s"}}}`; `reported_at` is null when none came.
struct QueueJSON: JSONWritable {
    let hall: PaymentPoint
    let queues: QueueBoard
    let waits: WaitModel
    let now: Date

    func write(to json: inout JSONWriter) {
        let report = queues.report(for: hall.id)
        json.object { json in
            json.field("hall_id", hall.id)
            json.nullableField("reported_at", report?.reportedAt)
            json.nullableField("age_s", report.map { now.timeIntervalSince($0.reportedAt).rounded() })
            let fresh = report.map { waits.estimate(for: hall, report: $0, at: now, walkSeconds: 0).source != .assumed } ?? false
            json.field("fresh", fresh)
            json.key("services")
            json.object { json in
                for (service, queue) in (report?.services ?? [:]).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    json.key(escaping: service.rawValue)
                    json.object { json in
                        let remote = queues.remoteWaiting(hallID: hall.id, service: service)
                        json.field("waiting", Double(queue.waiting))
                        json.field("remote_waiting", Double(remote))
                        json.nullableField("served_today", queue.servedToday.map(Double.init))
                        json.field("open_counters", Double(queue.openCounters))
                        json.field("handling_s", queue.handlingSeconds)
                        var joined = queue
                        joined.waiting += remote
                        let wait = WaitModel.queueWait(joined, walkSeconds: 0)
                        let shown = fresh && wait.seconds.isFinite
                        json.nullableField("wait_s", shown ? wait.seconds.rounded() : nil)
                        json.nullableField("wait_low_s", shown ? wait.low.rounded() : nil)
                        json.nullableField("wait_high_s", shown ? wait.high.rounded() : nil)
                    }
                }
            }
        }
    }
}
