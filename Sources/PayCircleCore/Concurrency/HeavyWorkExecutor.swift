import Dispatch

/// Runs long, synchronous work on threads of their own (Dispatch's), so that while it computes or waits,
/// Swift's cooperative threads stay free: heavy requests of the service (how many run at once is bounded
/// by its work gate) and the reading of an OSM file, whose reader waits for the blocks read ahead.
///
/// ```swift
/// let extract = try await withTaskExecutorPreference(HeavyWorkExecutor()) { try importer.extract(from: file) }
/// ```
public final class HeavyWorkExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "paycircle.heavy-work", attributes: .concurrent)

    public init() {}

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
