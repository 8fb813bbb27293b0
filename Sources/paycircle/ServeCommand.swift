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

    func run() async throws {
        let (registry, changes) = try Self.openRegistry(store)
        defer { changes?.stop() }
        let service = try PayCircleService.loading(registry)
        var logger = Logger(label: "paycircle")
        logger.logLevel = .info
        logger.info("serving \(service.registry.index.count) points, \(service.graph?.nodeCount ?? 0) network nodes and \(service.layout?.areas.count ?? 0) population areas from \(store.displayName) on http://\(host):\(port)")
        try await service.application(host: host, port: port, logger: logger).runService()
    }

    /// The registry, and on PostGIS a feed that keeps it in step with writes made through other
    /// instances. The feed listens before the points are loaded, and notices that arrive while they load
    /// are applied afterwards, so nothing committed meanwhile is missed.
    static func openRegistry(_ options: StoreOptions) throws -> (PointRegistry, PostGISChangeFeed?) {
        let store = try options.openStore()
        guard let postGIS = store as? PostGISStore else { return (try PointRegistry(store: store), nil) }
        let pending = PendingNotices()
        let feed = PostGISChangeFeed(session: postGIS.session, onNotice: pending.receive, onResync: pending.resync)
        try feed.start()
        let registry = try PointRegistry(store: store)
        pending.attach(registry)
        return (registry, feed)
    }
}
