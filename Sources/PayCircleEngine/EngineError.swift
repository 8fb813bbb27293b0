import PayCircleCore
import PayCircleNetwork

/// Why the engine refused or could not answer, in terms both faces turn into their own errors (an HTTP
/// status and JSON body, or a CLI message and exit code).
public struct EngineError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Bad input, naming the field (400).
        case invalid
        /// No such thing (404).
        case notFound
        /// The request clashes with the current state (409).
        case conflict
        /// No credentials, or ones that are not valid (401).
        case unauthorized
        /// Credentials that do not allow this (403).
        case forbidden
    }

    public var kind: Kind
    /// A short machine-readable code, e.g. `no_queue`.
    public var code: String
    public var message: String
    public var field: String?

    public init(_ kind: Kind, code: String, _ message: String, field: String? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String { field.map { "\($0): \(message)" } ?? message }

    /// Bad input, as the input's own check worded it.
    public static func invalid(_ error: InputError) -> EngineError {
        EngineError(.invalid, code: "invalid_parameter", error.field.map { "\($0): \(error.message)" } ?? error.message, field: error.field)
    }

    /// A walking question the network cannot answer.
    public static func network(_ error: NetworkError) -> EngineError {
        EngineError(.invalid, code: error.reason.rawValue, error.message, field: error.field)
    }

    public static func notFound(_ message: String) -> EngineError {
        EngineError(.notFound, code: "not_found", message)
    }
}
