import ArgumentParser
import PayCircleStore

/// `paycircle export --to URL|PATH`: copies a whole store into another, SpatiaLite or PostGIS either way.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Copy the whole store (points, walking network, buildings, candidate sites, areas) into another store.",
        discussion: """
            The target's points and layers are replaced in one transaction, then its areas. Both sides are read \
            back and compared part by part, by count and SHA-256; exit 1 if any part differs. Tokens and the \
            audit log stay where they are.
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "The target: postgres://user@host[:port]/database or a SpatiaLite file.") var to: String

    func run() async throws {
        let target = StoreOptions(store: to)
        guard target.displayName != store.displayName else { throw ValidationError("the target is the store itself") }
        let source = try await store.openStore()
        let contents = try await StoreContents(from: source)
        print("Copying \(store.displayName) → \(target.displayName) …")
        let destination = try await target.openStore()
        try await contents.replaceContents(of: destination)
        let copied = try await StoreContents(from: destination).fingerprints
        var rows: [[String]] = []
        var differing = 0
        for (mine, theirs) in zip(contents.fingerprints, copied) {
            let same = mine == theirs
            if !same { differing += 1 }
            rows.append([mine.part, String(mine.count), String(theirs.count), String(mine.sha256.prefix(16)), same ? "same" : "DIFFERENT"])
        }
        print(TextTable(header: ["part", "source rows", "target rows", "sha256 (first 16)", "check"], rows: rows).rendered)
        guard differing == 0 else {
            print("\(differing) part(s) differ after the copy.")
            throw ExitCode.failure
        }
        print("Copied and verified.")
    }
}
