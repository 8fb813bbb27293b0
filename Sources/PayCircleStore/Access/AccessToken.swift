import Foundation
import PayCircleCore

/// A bearer token, as stored: its id, name, role and scope, never its secret (only the secret's SHA-256 is
/// kept).
public struct AccessToken: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var role: AccessRole
    /// The points an operator token may report for, or the devices a device token may beat for; nil for
    /// every point.
    public var points: Set<String>?
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: String, name: String, role: AccessRole, points: Set<String>? = nil, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.points = points
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// Whether the token's scope covers the point `id` (an unscoped token covers every point).
    public func covers(point id: String) -> Bool {
        role != .device && (points?.contains(id) ?? true)
    }

    /// Whether a device token names the device `id`.
    public func covers(device id: String) -> Bool {
        role == .device && points?.contains(id) == true
    }

    enum CodingKeys: String, CodingKey {
        case id, name, role, points
        case createdAt = "created_at", revokedAt = "revoked_at"
    }
}

extension AccessToken {
    /// The scope as stored in a text column: a JSON array of ids, or nil for every point.
    package static func storedScope(_ points: Set<String>?) -> String? {
        points.map { String(decoding: try! JSONEncoder().encode($0.sorted()), as: UTF8.self) }
    }

    /// The scope read back from its column; a column that does not parse scopes the token to nothing.
    package static func scope(fromStored text: String?) -> Set<String>? {
        guard let text else { return nil }
        return Set((try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? [])
    }
}
