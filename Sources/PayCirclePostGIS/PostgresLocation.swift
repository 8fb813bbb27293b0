import Foundation
import PayCircleStore
import PostgresNIO

/// Where a PostGIS store lives: a `postgres://user[:password]@host[:port]/database` URL.
///
/// ```swift
/// let location = try PostgresLocation("postgres://paycircle@127.0.0.1:5433/paycircle")
/// ```
public struct PostgresLocation: Sendable, Hashable {
    public let host: String
    public let port: Int
    public let user: String
    public let password: String?
    public let database: String

    /// Whether `text` names a PostgreSQL database rather than a file.
    public static func names(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(_ text: String) throws {
        guard Self.names(text), let url = URLComponents(string: text), let host = url.host, !host.isEmpty else {
            throw StoreError("'\(text)' is not a postgres://user@host[:port]/database URL")
        }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw StoreError("the URL '\(Self.redact(text))' names no database (postgres://user@host/database)")
        }
        self.host = host
        port = url.port ?? 5432
        user = url.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        password = url.password.flatMap { $0.removingPercentEncoding }
        self.database = database
    }

    /// The same server, another database.
    public func database(_ name: String) -> PostgresLocation {
        PostgresLocation(host: host, port: port, user: user, password: password, database: name)
    }

    private init(host: String, port: Int, user: String, password: String?, database: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    /// The URL without its password, for messages.
    public var redacted: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    var configuration: PostgresConnection.Configuration {
        PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: .disable)
    }

    private static func redact(_ text: String) -> String {
        text.replacingOccurrences(of: #":[^:@/]*@"#, with: "@", options: .regularExpression)
    }
}
