import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a shell command line with `popen` and returns its standard output and exit status, on a thread of
/// its own. Used for commands that start daemons (PostgreSQL), whose exit Foundation's `Process` on Linux
/// was seen to miss.
public enum ShellCommand {
    public static func run(_ command: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                guard let pipe = popen(command + " 2>&1", "r") else {
                    continuation.resume(throwing: ProcessFailure(message: "cannot run \(command)"))
                    return
                }
                var output = Data()
                var buffer = [UInt8](repeating: 0, count: 4_096)
                while true {
                    let count = fread(&buffer, 1, buffer.count, pipe)
                    if count <= 0 { break }
                    output.append(contentsOf: buffer[0..<count])
                }
                let status = pclose(pipe)
                let text = String(decoding: output, as: UTF8.self)
                if status == 0 {
                    continuation.resume(returning: text)
                } else {
                    continuation.resume(throwing: ProcessFailure(message: "\(command) failed (\(status)): \(text)"))
                }
            }.start()
        }
    }
}
