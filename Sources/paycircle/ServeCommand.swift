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
        let service = try PayCircleService.loading(try store.openRegistry())
        var logger = Logger(label: "paycircle")
        logger.logLevel = .info
        logger.info("serving \(service.registry.index.count) points, \(service.graph?.nodeCount ?? 0) network nodes and \(service.layout?.areas.count ?? 0) population areas from \(store.path) on http://\(host):\(port)")
        try await service.application(host: host, port: port, logger: logger).runService()
    }
}
