import Foundation
import PayCircleCore
import PayCircleStore

extension PayCircleEngine {
    /// The token of `credentials`, allowed to do `action`: unauthorized without a live token, forbidden
    /// when its role or point scope does not allow the action.
    public func authorize(_ credentials: Credentials, for action: WriteAction) throws(EngineError) -> AccessToken {
        let token: AccessToken
        switch credentials {
        case .none: throw EngineError(.unauthorized, code: "unauthorized", "this needs an Authorization: Bearer <token> header")
        case .invalid: throw EngineError(.unauthorized, code: "unauthorized", "the token is not valid (unknown or revoked)")
        case .valid(let valid): token = valid
        }
        switch action {
        case .editPoints where !token.role.mayEditPoints:
            throw EngineError(.forbidden, code: "forbidden", "only an admin token may create, replace or delete points")
        case .reportState where !token.role.mayReportState:
            throw EngineError(.forbidden, code: "forbidden", "a \(token.role.rawValue) token may not report status or queues")
        case .reportState(let pointID) where !token.covers(point: pointID):
            throw EngineError(.forbidden, code: "forbidden", "this operator token may not report for '\(pointID)'", field: "id")
        case .plan where !token.role.mayPlan:
            throw EngineError(.forbidden, code: "forbidden", "this needs a planner or admin token")
        case .editDevices where token.role != .admin:
            throw EngineError(.forbidden, code: "forbidden", "only an admin token may create, replace, delete or import devices")
        case .readOperations where !token.role.mayReadOperations:
            throw EngineError(.forbidden, code: "forbidden", "this needs an admin, operator or planner token")
        case .beat(let deviceID) where token.role != .admin && !token.covers(device: deviceID):
            throw EngineError(.forbidden, code: "forbidden", "this token may not send heartbeats for device '\(deviceID)'", field: "id")
        default:
            return token
        }
    }

    /// The credentials a bearer secret stands for.
    public func authenticate(secret: String) async throws -> Credentials {
        try await AccessTokens(store: store, clock: clock).credentials(secret: secret)
    }
}
