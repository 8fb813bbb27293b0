import Foundation
import PayCircleCore

/// A bearer token for writes, as stored: its id, name and role, never its secret (only the secret's
/// SHA-256 is kept).
public struct AccessToken: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var role: AccessRole
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: String, name: String, role: AccessRole, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, role
        case createdAt = "created_at", revokedAt = "revoked_at"
    }
}
