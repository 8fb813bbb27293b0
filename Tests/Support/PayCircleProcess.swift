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

    /// What the process printed, as bytes (a chunk may end inside a character), and a signal given once
    /// the output has reached its end.
    private final class Output: Sendable {
        let bytes = Mutex(Data())
        let ended = DispatchSemaphore(value: 0)
        let endSeen = Mutex(false)
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
        try process.run()
        // Read on a thread of its own until the end of the output, so that waiting for the process can
        // also wait for the last of what it printed.
        let reading = pipe.fileHandleForReading
        Thread.detachNewThread { [output] in
            while true {
                let data = reading.availableData
                if data.isEmpty { break }
                output.bytes.withLock { $0.append(data) }
            }
            output.ended.signal()
        }
    }

    /// Everything the process has printed so far.
    public var printed: String { output.bytes.withLock { String(decoding: $0, as: UTF8.self) } }

    /// Waits (up to five seconds) until the output has been read to its end, after the process ended.
    private func drainOutput() {
        guard !output.endSeen.withLock({ $0 }) else { return }
        if output.ended.wait(timeout: .now() + 5) == .success { output.endSeen.withLock { $0 = true } }
    }

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
        drainOutput()
    }

    /// Waits for the process to end by itself and returns its exit status; ``printed`` then holds all it
    /// printed.
    public func wait() -> Int32 {
        process.waitUntilExit()
        drainOutput()
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
