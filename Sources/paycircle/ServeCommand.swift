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
        let registry = try store.openRegistry()
        let changes = try Self.followChanges(of: registry)
        defer { changes?.stop() }
        let service = try PayCircleService.loading(registry)
        var logger = Logger(label: "paycircle")
        logger.logLevel = .info
        logger.info("serving \(service.registry.index.count) points, \(service.graph?.nodeCount ?? 0) network nodes and \(service.layout?.areas.count ?? 0) population areas from \(store.displayName) on http://\(host):\(port)")
        try await service.application(host: host, port: port, logger: logger).runService()
    }

    /// On PostGIS, keeps the registry in step with writes made through other instances; the points are
    /// read again once listening, so nothing written meanwhile is missed.
    static func followChanges(of registry: PointRegistry) throws -> PostGISChangeFeed? {
        guard let store = registry.store as? PostGISStore else { return nil }
        let feed = PostGISChangeFeed(
            session: store.session,
            onNotice: { notice in
                if notice.reload { try? registry.reload() } else { try? registry.refresh(ids: notice.upserts, removed: notice.removed) }
            },
            onResync: { try? registry.reload() }
        )
        try feed.start()
        try registry.reload()
        return feed
    }
}
