import Foundation
import PayCircleCore
import PayCircleNetwork
import PayCirclePlanning
import PayCircleStore

/// PayCircle's rules in one place, for every face: the HTTP routes and the CLI commands call the engine
/// and never a store. It owns who may write what, nearest in every ranking, the queue board, tickets and
/// point writes, all reading the time from one ``EngineClock``.
///
/// ```swift
/// let engine = try await PayCircleEngine.open(store)
/// let matches = try engine.nearest(NearestRequest(QueryParameters(["lat": "23.02", "lon": "113.75"]), now: engine.clock.now))
/// ```
public final class PayCircleEngine: Sendable {
    /// What ``open(_:loading:waits:clock:)`` reads besides the points.
    public struct Parts: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        public static let network = Parts(rawValue: 1)
        /// Population layout and candidate sites (needs the network for walking coverage).
        public static let planning = Parts(rawValue: 2)
        public static let queues = Parts(rawValue: 4)
        public static let all: Parts = [.network, .planning, .queues]
    }

    /// The points and their in-memory index.
    public let registry: PointRegistry
    /// The walking network; nil when none was imported.
    public let graph: WalkingGraph?
    /// Where people live, for planning; nil when no population was imported.
    public let layout: PopulationLayout?
    /// OSM shops that could become channels.
    public let candidates: [CandidateSite]
    /// The halls' newest queue reports.
    public let queues: QueueBoard
    /// How waits are estimated from them.
    public let waits: WaitModel
    /// The limits of remote tickets.
    public let ticketRules: TicketRules
    /// How devices are watched.
    public let deviceRules: DeviceRules
    /// Wakes the watchers of a hall (ticket event streams) when its queue changes.
    public let signals: HallSignals
    /// Forecasts from the queue history, kept a while.
    let forecasts = ForecastCache()
    public let clock: any EngineClock

    var store: any DataStore { registry.store }

    public init(registry: PointRegistry, graph: WalkingGraph? = nil, layout: PopulationLayout? = nil, candidates: [CandidateSite] = [],
                queues: QueueBoard? = nil, waits: WaitModel = WaitModel(), ticketRules: TicketRules = TicketRules(), deviceRules: DeviceRules = DeviceRules(),
                clock: any EngineClock = SystemClock(), signals: HallSignals = HallSignals()) {
        self.registry = registry
        self.graph = graph.flatMap { $0.isEmpty ? nil : $0 }
        self.layout = layout
        self.candidates = candidates
        self.queues = queues ?? QueueBoard(store: registry.store)
        self.waits = waits
        self.ticketRules = ticketRules
        self.deviceRules = deviceRules
        self.signals = signals
        self.clock = clock
    }

    /// An engine over `store`, reading the points and the `loading` parts.
    public static func open(_ store: any DataStore, loading parts: Parts = .all, waits: WaitModel = WaitModel(), ticketRules: TicketRules = TicketRules(),
                            deviceRules: DeviceRules = DeviceRules(), clock: any EngineClock = SystemClock()) async throws -> PayCircleEngine {
        try await open(PointRegistry(store: store), loading: parts, waits: waits, ticketRules: ticketRules, deviceRules: deviceRules, clock: clock)
    }

    /// An engine over `registry`'s store, reading the `loading` parts.
    public static func open(_ registry: PointRegistry, loading parts: Parts = .all, waits: WaitModel = WaitModel(), ticketRules: TicketRules = TicketRules(),
                            deviceRules: DeviceRules = DeviceRules(), clock: any EngineClock = SystemClock()) async throws -> PayCircleEngine {
        let store = registry.store
        let graph = parts.contains(.network) || parts.contains(.planning) ? WalkingGraph(try await store.loadNetwork()) : nil
        let usable = graph.flatMap { $0.isEmpty ? nil : $0 }
        let layout = parts.contains(.planning) ? try await PopulationLayout.load(from: store, graph: usable) : nil
        let candidates = parts.contains(.planning) ? try await store.loadCandidates() : []
        let queues = parts.contains(.queues) ? try await QueueBoard.loading(store) : QueueBoard(store: store)
        if parts.contains(.queues) { queues.countRemote(try await store.waitingTickets()) }
        return PayCircleEngine(registry: registry, graph: usable, layout: layout, candidates: candidates, queues: queues, waits: waits,
                               ticketRules: ticketRules, deviceRules: deviceRules, clock: clock)
    }

    /// The same engine with another wait model.
    public func with(waits: WaitModel) -> PayCircleEngine {
        PayCircleEngine(registry: registry, graph: graph, layout: layout, candidates: candidates, queues: queues, waits: waits,
                        ticketRules: ticketRules, deviceRules: deviceRules, clock: clock, signals: signals)
    }
}
