import ArgumentParser
import Foundation
import PayCircleCore
import PayCircleEngine

struct DevicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "The device ledger: import it from CSV, list it with each device's state.",
        subcommands: [DevicesImportCommand.self, DevicesListCommand.self]
    )
}

/// `paycircle devices import devices.csv`: adds or replaces every device of the file, all or nothing.
struct DevicesImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add or replace the devices of a CSV ledger, all or nothing.",
        discussion: """
            Columns: id, point_id, kind (\(DeviceKind.allCases.map(\.rawValue).joined(separator: ", "))), and optionally \
            model, serial, installed_on (YYYY-MM-DD) and power_schedule (opening-hours syntax). A replaced device keeps \
            what it last reported.
            """
    )

    @OptionGroup var store: StoreOptions
    @Argument(help: "The CSV file.") var file: String

    func run() async throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let engine = try await store.openEngine(loading: [])
        let (added, replaced) = try await engine.importDevices(csv: text, source: (file as NSString).lastPathComponent, by: .storeOwner)
        print("Imported \(added + replaced) devices from \(file): \(added) new, \(replaced) replaced.")
    }
}

/// `paycircle devices list [--point ID]`: the ledger with each device's state.
struct DevicesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The devices, with their state and last heartbeat.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Only the devices of this point.") var point: String?

    func run() async throws {
        let devices = try await store.openEngine(loading: []).devices(pointID: point, by: .storeOwner)
        let rows = devices.map { device in
            [device.id, device.pointID, device.kind.rawValue, device.serial ?? "-", device.live.status.rawValue,
             device.live.lastBeatAt.map(Timestamp.utcString) ?? "-", device.live.fault ?? "-"]
        }
        print(rows.isEmpty ? "No devices." : TextTable(header: ["id", "point", "kind", "serial", "status", "last_beat", "fault"], rows: rows).rendered)
    }
}
