import Foundation
import Synchronization

/// The `paycircle` executable built beside the tests, run as a child process that tests can kill.
///
/// ```swift
/// let server = try PayCircleProcess(["serve", "--db", path, "--port", "0"])
/// let port = try server.waitForPort()
/// server.kill()
/// ```
public final class PayCircleProcess {
    /// The built `paycircle` binary: next to the test bundle in `.build/<configuration>/`.
    public static var executable: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("paycircle")
    }

    private final class Output: Sendable {
        let text = Mutex("")
    }

    private let process: Process
    private let output = Output()

    public init(_ arguments: [String]) throws {
        process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [output] handle in
            let data = handle.availableData
            output.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// Everything the process has printed so far.
    public var printed: String { output.text.withLock { $0 } }

    public var isRunning: Bool { process.isRunning }

    /// The port of the "listening on host:port" line a server logs, waiting for it up to `timeout` seconds.
    public func waitForPort(timeout: Double = 30) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let range = printed.range(of: #"listening on [^\s:]+:(\d+)"#, options: .regularExpression),
               let port = printed[range].split(separator: ":").last.flatMap({ Int($0) }) {
                return port
            }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw ProcessFailure(message: "no listening line from paycircle \(process.arguments ?? []): \(printed)")
    }

    /// Sends SIGKILL, as a crash or an out-of-memory kill would, and waits for the process to end.
    public func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Waits for the process to end by itself and returns its exit status.
    public func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}

public struct ProcessFailure: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }

    public init(message: String) {
        self.message = message
    }
}
