import Foundation
import PayCirclePlanning

extension PayCircleEngine {
    /// How busy each hall was from `start` to `end`, from the queue reports kept in that time.
    public func hallLoad(from start: Date, to end: Date) async throws -> HallLoadReport {
        let halls = registry.sortedPoints().filter { $0.kind.hasQueueMachine }
        return HallLoadReport(reports: try await store.queueReports(from: start, to: end), halls: halls, until: end)
    }
}
