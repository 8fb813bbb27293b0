import PayCircleEngine
import ServiceLifecycle

/// Ends the tickets that time has ended (``PayCircleEngine/sweepTickets()``: no-shows, and waiting tickets
/// of closed halls or past days), every `interval`, for as long as the application runs.
struct TicketSweep: Service {
    let engine: PayCircleEngine
    var interval: Duration = .seconds(15)

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            _ = try? await engine.sweepTickets()
            try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
