import PostgresNIO

/// A PostgreSQL error, with the server's own message where it sent one (PostgresNIO's errors hide it from
/// their description).
public struct PostgresFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }

    static func describe(_ error: any Error) -> String {
        if let failure = error as? PostgresFailure { return failure.description }
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let server = error.serverInfo, let message = server[.message] {
            return [server[.sqlState].map { "[\($0)]" }, message, server[.detail]].compactMap { $0 }.joined(separator: " ")
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}
