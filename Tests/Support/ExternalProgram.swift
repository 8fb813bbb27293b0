import Foundation

/// Runs a program that the tests use as a client (a browser, GDAL) and returns its standard output. It is
/// waited for on a thread of its own, not on the concurrency pool that an in-process live server answers
/// from, so that the two cannot starve each other.
public enum ExternalProgram {
    public static func run(_ path: String, _ arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: path)
                process.arguments = arguments
                let output = Pipe()
                process.standardOutput = output
                process.standardError = FileHandle.nullDevice
                do { try process.run() } catch { continuation.resume(throwing: error); return }
                let data = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: String(decoding: data, as: UTF8.self))
            }.start()
        }
    }
}
