import Foundation
import PayCircleCore

/// The columns of the `access_tokens` table as both stores read them, in this order, and the token they
/// make.
package enum AccessTokenRow {
    package static let columns = "id, name, role, points, created_at, revoked_at"

    /// A token from its stored text. The schema's check keeps roles to ``AccessRole``'s cases.
    package static func token(id: String, name: String, role: String, points: String?, createdAt: String, revokedAt: String?) -> AccessToken {
        AccessToken(id: id, name: name, role: AccessRole(rawValue: role) ?? .partner, points: AccessToken.scope(fromStored: points),
                    createdAt: PointRecord.parseTimestamp(createdAt) ?? Date(timeIntervalSince1970: 0),
                    revokedAt: revokedAt.flatMap(PointRecord.parseTimestamp))
    }
}
