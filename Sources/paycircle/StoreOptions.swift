import ArgumentParser
import Foundation
import PayCircleCore
import PayCircleEngine
import PayCircleNetwork
import PayCirclePostGIS
import PayCircleSpatiaLite
import PayCircleStore

/// `--store URL|PATH` (or `--db PATH`), shared by every command: a PostGIS database
/// (`postgres://user@host:port/database`) or a SpatiaLite file.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store: postgres://user@host[:port]/database, or a SpatiaLite file (default: $PAYCIRCLE_STORE, else $PAYCIRCLE_DB, else paycircle.sqlite).")
    var store: String?

    @Option(name: .long, help: "The SpatiaLite database file (the same as --store PATH).")
    var db: String?

    init() {}

    /// The store at `location`, as `--store` would name it.
    init(store location: String) {
        store = location
    }

    func validate() throws {
        if store != nil, db != nil { throw ValidationError("give either --store or --db, not both") }
    }

    /// Where the store is, as given.
    var location: String {
        let environment = ProcessInfo.processInfo.environment
        return store ?? db ?? environment["PAYCIRCLE_STORE"] ?? environment["PAYCIRCLE_DB"] ?? "paycircle.sqlite"
    }

    /// Whether the store is a PostGIS database.
    var isPostGIS: Bool { PostgresLocation.names(location) }

    /// Where the store is, fit to print (no password).
    var displayName: String { (try? PostgresLocation(location).redacted) ?? location }

    func openStore() async throws -> any DataStore {
        isPostGIS ? try await PostGISStore.open(PostgresLocation(location)) : try SpatiaLiteStore(path: location)
    }

    /// The engine over the store, with the points and the `parts` it needs.
    func openEngine(loading parts: PayCircleEngine.Parts, waits: WaitModel = WaitModel()) async throws -> PayCircleEngine {
        try await PayCircleEngine.open(openStore(), loading: parts, waits: waits)
    }
}

/// How a command prints its answer.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, geojson
}
