import ArgumentParser
import Foundation
import PayCircleCore

/// Writes a synthetic city's points as a CSV that `paycircle import points` reads.
struct GeneratePoints: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate-points", abstract: "Write N synthetic points as CSV.")

    @Option(help: "How many points.") var count = 1_000_000
    @Option(help: "Random seed.") var seed: UInt64 = 42
    @Option(help: "Output CSV file.") var out: String

    func run() throws {
        var text = "id,name,kind,services,opening_hours,lat,lon\n"
        text.reserveCapacity(count * 90)
        for point in SyntheticCity.points(count: count, seed: seed) {
            let services = point.services.services.map(\.rawValue).joined(separator: ";")
            text += "\(point.id),\(point.name),\(point.kind.rawValue),\(services),\"\(point.openingHours?.text ?? "")\",\(point.location.latitude),\(point.location.longitude)\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: out))
    }
}
