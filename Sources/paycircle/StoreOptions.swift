import ArgumentParser
import Foundation
import PayCircleStore

/// `--db PATH`, shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The SpatiaLite database (default: $PAYCIRCLE_DB, else paycircle.sqlite).")
    var db: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["PAYCIRCLE_DB"] ?? "paycircle.sqlite" }

    func openRegistry() throws -> PointRegistry {
        try PointRegistry(store: SpatiaLiteStore(path: path))
    }
}

/// How a command prints its answer.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, geojson
}
