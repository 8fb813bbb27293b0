import Foundation
import PayCircleStore

/// Who a request says it is: no bearer token, one that is no live token's, or a live token.
public enum Credentials: Sendable {
    /// No `Authorization: Bearer` header.
    case none
    /// A header whose secret is no live token's.
    case invalid
    case valid(AccessToken)

    /// Whoever opens the store itself (the CLI): an admin, audited as `cli`.
    public static let storeOwner = Credentials.valid(AccessToken(id: "cli", name: "command line", role: .admin, createdAt: Date(timeIntervalSince1970: 0)))

    public var token: AccessToken? {
        if case .valid(let token) = self { return token }
        return nil
    }
}

/// What a caller wants to do, for the access rules of ``PayCircleEngine/authorize(_:for:)``.
public enum WriteAction: Sendable, Hashable {
    /// Create, replace or delete points: admins.
    case editPoints
    /// Report the live state (status, queue) of one point: admins, and operators whose scope has it.
    case reportState(pointID: String)
    /// Ask the planners' heavy questions: planners and admins.
    case plan
    /// Create, replace, delete and import devices: admins.
    case editDevices
    /// Read the device ledger and incidents: admins, operators and planners.
    case readOperations
    /// Send a device's heartbeat: admins, and device tokens that name it.
    case beat(deviceID: String)
}
