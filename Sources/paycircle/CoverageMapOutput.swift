import ArgumentParser
import Foundation
import PayCirclePlanning

/// Writes the coverage map as SVG (to a file or standard output) or PNG (to a file).
func writeMap(planner: CoveragePlanner, settings: CoverageSettings, format: PlanningFormat, output: String?) throws {
    let map = CoverageMap(planner: planner, settings: settings)
    let bytes: [UInt8]
    switch format {
    case .png:
        guard output != nil else { throw ValidationError("--format png needs --output FILE.png") }
        bytes = map.png()
    default:
        bytes = Array(map.svg().utf8)
    }
    guard let output else {
        FileHandle.standardOutput.write(Data(bytes))
        return
    }
    do { try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
        throw ValidationError("--output: cannot write \(output): \(error.localizedDescription)")
    }
    FileHandle.standardError.write(Data("Wrote \(output) (\(bytes.count) bytes).\n".utf8))
}
