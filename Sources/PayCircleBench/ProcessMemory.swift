/// Memory figures of this process from /proc/self/status (Linux).
enum ProcessMemory {
    /// A field such as `VmRSS` (resident now) or `VmHWM` (peak resident) in MB, or -1 when unavailable.
    static func megabytes(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
        return kilobytes / 1024
    }
}
