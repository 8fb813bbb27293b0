import ServiceLifecycle

/// Work the running service repeats every `interval` until it shuts down: the sweep that ends tickets
/// (``PayCircleEngine/sweepTickets()``: no-shows, waiting tickets of closed halls or past days) and the
/// one that settles devices (``PayCircleEngine/sweepDevices()``: heartbeat timeouts, power schedules).
/// A failed round is tried again at the next.
struct PeriodicWork: Service {
    let interval: Duration
    let work: @Sendable () async throws -> Void

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            try? await work()
            try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
