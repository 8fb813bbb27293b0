import ArgumentParser
import Foundation
import PayCircleStore

/// `paycircle check`: whether the store file is sound (SQLite's integrity check) and what it holds.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store's integrity (for example after a crash or power loss); exits 1 when it is damaged."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        guard FileManager.default.fileExists(atPath: store.path) else { throw ValidationError("no store at \(store.path)") }
        let opened: SpatiaLiteStore
        let problems: [String]
        do {
            opened = try SpatiaLiteStore(path: store.path)
            problems = try opened.integrityProblems()
        } catch {
            print("\(store.path): damaged: \(error)")
            throw ExitCode.failure
        }
        guard problems.isEmpty else {
            print("\(store.path): damaged:")
            for problem in problems.prefix(20) { print("problem: \(problem)") }
            throw ExitCode.failure
        }
        let network = try opened.loadNetwork()
        print("\(store.path): integrity ok; schema version \(try opened.schemaVersion()), \(try opened.loadPoints().count) points, \(network.nodes.count) network nodes, \(network.edges.count) network edges.")
    }
}
