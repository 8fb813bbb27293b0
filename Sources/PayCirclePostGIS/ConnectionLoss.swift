import PostgresNIO

/// How a statement failed when its connection went away, and so whether running it again is safe.
///
/// A restart of PostgreSQL (or a dropped network) leaves the pool holding connections that are already
/// dead; the first statement on each learns it by failing. Such a failure is retried only when it proves
/// that nothing was committed:
/// - the server ended the session (`57P01` admin shutdown, `57P02` crash shutdown), was still starting up
///   (`57P03`) or reported a connection exception (class `08`): an unfinished statement is rolled back;
/// - no connection could be made (`connectionError`), or the pool lent one that had already closed
///   (``closedBeforeUse``): nothing was sent;
/// - inside a transaction, any loss of the connection before `COMMIT` was sent.
enum ConnectionLoss: Error, CustomStringConvertible {
    /// The pool lent a connection whose socket had closed before it noticed. PostgresNIO 1.33 would drop a
    /// statement written to it and never answer, so it is not written.
    case closedBeforeUse

    var description: String { "the connection to the database closed" }

    /// The error is a lost or refused connection after which nothing of the statement stays committed.
    static func leftNothingCommitted(_ error: any Error, commitSent: Bool) -> Bool {
        if error is ConnectionLoss { return true }
        guard let error = error as? PSQLError else { return false }
        if let state = error.serverInfo?[.sqlState] {
            return ["57P01", "57P02", "57P03"].contains(state) || state.hasPrefix("08")
        }
        switch error.code {
        case .connectionError: return true
        case .clientClosedConnection, .serverClosedConnection, .uncleanShutdown:
            // A connection closing on the server's word (its FATAL message is the underlying error).
            if let underlying = error.underlying, leftNothingCommitted(underlying, commitSent: commitSent) { return true }
            return error.code != .clientClosedConnection && !commitSent
        default: return false
        }
    }

    /// Pauses before the next attempt: 50 ms doubling to 1 s, about 10 s in all over `attempts`.
    static let attempts = 14

    static func pause(before attempt: Int) async throws {
        try await Task.sleep(for: .milliseconds(min(1_000, 50 << min(attempt, 5))))
    }
}
