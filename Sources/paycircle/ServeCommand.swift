import ArgumentParser
import Hummingbird
import Logging
import PayCircleServer
import PayCircleStore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the HTTP API.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080

    func run() async throws {
        let registry = try store.openRegistry()
        let graph = try store.openGraph(registry)
        var logger = Logger(label: "paycircle")
        logger.logLevel = .info
        logger.info("serving \(registry.index.count) points and \(graph?.nodeCount ?? 0) network nodes from \(store.path) on http://\(host):\(port)")
        try await PayCircleService(registry: registry, graph: graph).application(host: host, port: port, logger: logger).runService()
    }
}
