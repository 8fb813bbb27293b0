import PayCircleCore
import PayCircleStore

extension PayCircleEngine {
    /// The point `id` when it has a queue machine; `purpose` says, for the refusal, what needs one.
    public func hall(_ id: String, for purpose: QueuePurpose = .queue) throws(EngineError) -> PaymentPoint {
        guard let point = registry.point(id: id) else { throw .notFound("no payment point with id '\(id)'") }
        guard point.kind.hasQueueMachine else {
            let message = switch purpose {
            case .queue: "'\(id)' is a \(point.kind.rawValue), which has no queue machine (halls and bank branches do)"
            case .tickets: "'\(id)' is a \(point.kind.rawValue): tickets are for halls and bank branches"
            }
            throw .invalid(InputError(message, field: "id"))
        }
        return point
    }

    /// What a hall is asked for.
    public enum QueuePurpose: Sendable {
        case queue, tickets
    }

    /// Keeps `report` in the history and, unless a newer one is known, as the hall's state; answers the
    /// hall's state after it.
    public func record(_ report: QueueReport) async throws -> QueueReport? {
        try await queues.record(report)
        signals.signal(report.hallID)
        return queues.report(for: report.hallID)
    }
}
