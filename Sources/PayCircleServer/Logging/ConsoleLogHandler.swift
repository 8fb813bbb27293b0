import Foundation
import Logging
import PayCircleCore
import Synchronization

/// Writes each log line to standard error as
/// `2026-12-02T05:10:00Z info paycircle: key=value [module] message` (the time in UTC), its metadata
/// sorted by key and rendered only when a line is written.
///
/// Swift-log's `StreamLogHandler` renders its metadata to text each time a key is set, and Hummingbird
/// sets a request id on the logger of every request, so every answer paid for text that no line used.
///
/// ```swift
/// LoggingSystem.bootstrap { ConsoleLogHandler(label: $0) }   // once, as the process starts
/// let logger = Logger(label: "paycircle")
/// ```
public struct ConsoleLogHandler: LogHandler {
    /// Lines below this level are not written.
    public var logLevel: Logger.Level = .info
    /// Pairs written with every line of this logger.
    public var metadata: Logger.Metadata = [:]
    /// More pairs asked for as each line is written.
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let write: @Sendable (String) -> Void
    /// Keeps lines of different threads whole.
    private static let standardError = Mutex(())

    /// A handler writing to standard error, with the metadata provider swift-log was set up with. A line
    /// that cannot be written is dropped.
    public init(label: String) {
        self.init(label: label, metadataProvider: LoggingSystem.metadataProvider) { line in
            Self.standardError.withLock { _ in try? FileHandle.standardError.write(contentsOf: Data(line.utf8)) }
        }
    }

    /// A handler handing each line, ending in a newline, to `write`.
    init(label: String, metadataProvider: Logger.MetadataProvider? = nil, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.metadataProvider = metadataProvider
        self.write = write
    }

    /// The pair of `key` in ``metadata``.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes `event` as one line, its pairs from ``metadata``, then the provider's, the event's own and
    /// its error's, each overriding the ones before.
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
