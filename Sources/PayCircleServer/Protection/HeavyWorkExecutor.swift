import Dispatch

/// Runs heavy requests on threads of their own (Dispatch's), so that while planning computes, Swift's
/// cooperative threads stay free for light requests. How many run at once is bounded by ``WorkGate``.
final class HeavyWorkExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "paycircle.heavy-work", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
