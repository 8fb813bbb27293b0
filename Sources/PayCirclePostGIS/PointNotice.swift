import Foundation
import PostgresNIO

/// What a committed write changed, as sent on the `paycircle_points` channel: the ids to read again and
/// the ids removed, the halls whose queue changed, or `reload` when that would not fit in a notification (PostgreSQL allows under 8,000
/// bytes) or when the OSM layers changed too.
///
/// ```json
/// {"upserts": ["kiosk-9"], "removed": [], "reload": false, "queues": ["hall-1"]}
/// ```
public struct PointNotice: Codable, Sendable, Equatable {
    public static let channel = "paycircle_points"
    static let largestPayload = 7_000

    public var upserts: [String]
    public var removed: [String]
    public var reload: Bool
    /// Halls whose queue machine reported.
    public var queues: [String]?

    init(upserts: [String], removed: [String], layers: Bool, queues: [String]? = nil) {
        self.upserts = upserts
        self.removed = removed
        reload = layers
        self.queues = queues
    }

    /// Sends the notice inside `transaction`: PostgreSQL delivers it to listeners when the transaction commits.
    func send(in transaction: PostgresDatabase.Transaction) async throws {
        var payload = String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
        if payload.utf8.count > Self.largestPayload {
            payload = String(decoding: try JSONEncoder().encode(PointNotice(upserts: [], removed: [], layers: true)), as: UTF8.self)
        }
        try await transaction.query("SELECT pg_notify(\(Self.channel), \(payload))")
    }

    init?(payload: String) {
        guard let notice = try? JSONDecoder().decode(PointNotice.self, from: Data(payload.utf8)) else { return nil }
        self = notice
    }
}
