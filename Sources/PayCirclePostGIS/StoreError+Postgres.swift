import PayCircleStore
import PostgresNIO

extension StoreError {
    /// What went wrong in PostgreSQL, with the server's own message where it sent one (PostgresNIO's
    /// errors keep it out of their description).
    static func describing(_ error: any Error) -> String {
        if let error = error as? StoreError { return error.message }
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let server = error.serverInfo, let message = server[.message] {
            return [server[.sqlState].map { "[\($0)]" }, message, server[.detail]].compactMap { $0 }.joined(separator: " ")
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}
