import ArgumentParser
import Foundation
import PayCircleNetwork
import PayCircleStore

/// `--db PATH`, shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The SpatiaLite database (default: $PAYCIRCLE_DB, else paycircle.sqlite).")
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["PAYCIRCLE_DB"] ?? "paycircle.sqlite" }

    func openRegistry() throws -> PointRegistry {
        try PointRegistry(store: SpatiaLiteStore(path: path))
    }

    /// The stored walking network as a graph, or nil when none was imported.
    func openGraph(_ registry: PointRegistry) throws -> WalkingGraph? {
        let graph = WalkingGraph(try registry.store.loadNetwork())
        return graph.isEmpty ? nil : graph
    }
}

/// How a command prints its answer.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, geojson
}
