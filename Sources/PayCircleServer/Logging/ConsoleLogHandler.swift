import Foundation
import Logging
import PayCircleCore

/// Writes each log line to standard output as
/// `2026-12-02T05:10:00Z info paycircle: key=value [module] message`, its metadata sorted by key and
/// rendered only when a line is written.
///
/// Swift-log's `StreamLogHandler` renders its metadata to text each time a key is set, and Hummingbird
/// sets a request id on the logger of every request, so every answer paid for text that no line used.
///
/// ```swift
/// let logger = Logger(label: "paycircle") { ConsoleLogHandler(label: $0) }
/// ```
public struct ConsoleLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let write: @Sendable (String) -> Void

    /// A handler writing to standard output, with the metadata provider swift-log was set up with.
    public init(label: String) {
        self.init(label: label, metadataProvider: LoggingSystem.metadataProvider) { line in
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }

    /// A handler handing each line, ending in a newline, to `write`.
    init(label: String, metadataProvider: Logger.MetadataProvider? = nil, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.metadataProvider = metadataProvider
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { $1 } }
        if let explicit = event.metadata { all.merge(explicit) { $1 } }
        if let error = event.error {
            all["error.message"] = "\(error)"
            all["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        let pairs = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let rendered = pairs.isEmpty ? "" : " " + pairs.joined(separator: " ")
        write("\(Timestamp.utcString(Date())) \(event.level) \(label):\(rendered) [\(event.source)] \(event.message)\n")
    }
}
