import Foundation

/// Paths and independent reference programs that the test suites share.
public enum Reference {
    /// The package root (the folder holding Package.swift).
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `../shared/geodata/NAME` beside the checkout.
    public static func geodata(_ name: String) -> URL {
        repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/geodata/\(name)")
    }

    /// Runs `Tools/reference/SCRIPT` with python3 and returns its standard output.
    public static func python(_ script: String, arguments: [String] = [], input: Data? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("Tools/reference/\(script)").path] + arguments
        let output = Pipe(), errors = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ReferenceFailure(script: script, message: String(decoding: message, as: UTF8.self))
        }
        return data
    }

    /// A fresh temporary directory, removed by the caller.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("paycircle-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

public struct ReferenceFailure: Error, CustomStringConvertible {
    public let script: String
    public let message: String
    public var description: String { "\(script) failed: \(message)" }
}

