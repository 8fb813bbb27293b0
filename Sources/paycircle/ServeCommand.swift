import ArgumentParser
import Hummingbird
import Logging
import PayCircleEngine
import PayCirclePostGIS
import PayCircleServer
import PayCircleStore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the HTTP API.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @OptionGroup(title: "Waits (by=time, queues, tickets)") var waiting: WaitOptions
    @OptionGroup(title: "Remote tickets") var tickets: TicketOptions
    @OptionGroup(title: "Devices") var devices: DeviceOptions
    @OptionGroup(title: "The public surface (rate limits, heavy work, connections, pages)") var surface: SurfaceOptions

    func run() async throws {
        // Every logger of the service, the stores' included, renders its metadata only when it writes a line.
        LoggingSystem.bootstrap { ConsoleLogHandler(label: $0) }
        let opened = try await store.openStore()
        // On PostGIS, listen for other instances' writes before loading, so that nothing committed in
        // between is missed; the feed applies the notices once the service runs.
        var subscription: ChangeSubscription?
        if let postGIS = opened as? PostGISStore { subscription = try await ChangeSubscription.open(postGIS.database) }
        let registry = try await PointRegistry(store: opened)
        let engine = try await PayCircleEngine.open(registry, waits: waiting.model, ticketRules: tickets.rules, deviceRules: devices.rules)
        var service = PayCircleService(engine: engine, surface: surface.surface)
        service.alerts = devices.alerts
        var logger = Logger(label: "paycircle")
        logger.logLevel = .info
        logger.info("serving \(service.registry.index.count) points, \(service.graph?.nodeCount ?? 0) network nodes and \(service.layout?.areas.count ?? 0) population areas from \(store.displayName) on http://\(host):\(port)")
        let feeds = subscription.map { [Self.changeFeed($0, registry: registry, queues: service.queues)] } ?? []
        try await service.application(host: host, port: port, logger: logger, services: feeds).runService()
    }

    /// The feed that keeps this instance's points and queues in step with writes made through the others.
    static func changeFeed(_ subscription: ChangeSubscription, registry: PointRegistry, queues: QueueBoard) -> PostGISChangeFeed {
        PostGISChangeFeed(subscription, onNotice: { notice in
            if notice.reload { try? await registry.reload() } else if !notice.upserts.isEmpty || !notice.removed.isEmpty {
                try? await registry.refresh(ids: notice.upserts, removed: notice.removed)
            }
            if notice.queues?.isEmpty == false { try? await queues.reload() }
        }, onResync: {
            try? await registry.reload()
            try? await queues.reload()
        })
    }
}
