import ArgumentParser
import Foundation
import PayCircleSpatiaLite
import PayCircleStore

/// `paycircle check`: whether the store file is sound (SQLite's integrity check) and what it holds.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store's integrity (for example after a crash or power loss); exits 1 when it is damaged."
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard !store.isPostGIS else { throw ValidationError("check reads SpatiaLite files; PostgreSQL checks its own pages (see amcheck)") }
        let path = store.location
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("no store at \(path)") }
        let opened: SpatiaLiteStore
        let problems: [String]
        do {
            opened = try SpatiaLiteStore(path: path)
            problems = try await opened.integrityProblems()
        } catch {
            print("\(path): damaged: \(error)")
            throw ExitCode.failure
        }
        guard problems.isEmpty else {
            print("\(path): damaged:")
            for problem in problems.prefix(20) { print("problem: \(problem)") }
            throw ExitCode.failure
        }
        let network = try await opened.loadNetwork()
        let version = try await opened.schemaVersion(), points = try await opened.loadPoints().count
        print("\(path): integrity ok; schema version \(version), \(points) points, \(network.nodes.count) network nodes, \(network.edges.count) network edges.")
    }
}
