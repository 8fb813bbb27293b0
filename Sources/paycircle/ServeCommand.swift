import ArgumentParser
import Hummingbird
import Logging
import PayCirclePostGIS
import PayCircleServer
import PayCircleStore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the HTTP API.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @OptionGroup(title: "Waits (by=time, queues, tickets)") var waiting: WaitOptions
    @OptionGroup(title: "The public surface (rate limits, heavy work, connections, pages)") var surface: SurfaceOptions

    func run() async throws {
        let opened = try store.openStore()
        let pending = PendingNotices()
        let changes = try Self.followChanges(of: opened, into: pending)
        defer { changes?.stop() }
        let registry = try PointRegistry(store: opened)
        var service = try PayCircleService.loading(registry)
        service.waits = waiting.model
        service.surface = surface.surface
        pending.attach(registry, queues: service.queues)
        var logger = Logger(label: "paycircle")
        logger.logLevel = .info
        logger.info("serving \(service.registry.index.count) points, \(service.graph?.nodeCount ?? 0) network nodes and \(service.layout?.areas.count ?? 0) population areas from \(store.displayName) on http://\(host):\(port)")
        try await service.application(host: host, port: port, logger: logger).runService()
    }

    /// On PostGIS, a feed that keeps this instance in step with writes made through the others. It
    /// listens before the points are loaded; notices that arrive meanwhile are held and applied once the
    /// registry and queue board exist, so nothing committed meanwhile is missed.
    static func followChanges(of store: any PointStore, into pending: PendingNotices) throws -> PostGISChangeFeed? {
        guard let postGIS = store as? PostGISStore else { return nil }
        let feed = PostGISChangeFeed(session: postGIS.session, onNotice: pending.receive, onResync: pending.resync)
        try feed.start()
        return feed
    }
}
