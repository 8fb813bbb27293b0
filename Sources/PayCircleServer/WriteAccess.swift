import Foundation
import Hummingbird
import PayCircleCore
import PayCircleStore

/// What guarded routes check first: the bearer token that ``ClientMiddleware`` put in the context (401
/// without a valid one, 403 when its role or point scope does not allow the action) and a JSON-object
/// body of at most ``maxBodyBytes`` (413 above, 400 when not an object).
enum WriteAccess {
    /// What a request wants to do.
    enum Action {
        /// Create, replace or delete points: admins.
        case editPoints
        /// Report the live state (status, queue) of one point: admins, and operators whose scope has it.
        case reportState(pointID: String)
        /// Ask the planners' heavy questions: planners and admins.
        case plan
    }

    static var maxBodyBytes: Int { 64 * 1024 }

    /// The request's token, allowed to do `action`.
    static func token(_ context: some GuardedRequestContext, for action: Action) throws -> AccessToken {
        let token: AccessToken
        switch context.credentials {
        case .none:
            throw APIError(status: .unauthorized, code: "unauthorized", message: "this needs an Authorization: Bearer <token> header")
        case .invalid:
            throw APIError(status: .unauthorized, code: "unauthorized", message: "the token is not valid (unknown or revoked)")
        case .valid(let valid):
            token = valid
        }
        switch action {
        case .editPoints where !token.role.mayEditPoints:
            throw APIError(status: .forbidden, code: "forbidden", message: "only an admin token may create, replace or delete points")
        case .reportState where !token.role.mayReportState:
            throw APIError(status: .forbidden, code: "forbidden", message: "a \(token.role.rawValue) token may not report status or queues")
        case .reportState(let pointID) where !token.covers(point: pointID):
            throw APIError(status: .forbidden, code: "forbidden", message: "this operator token may not report for '\(pointID)'", field: "id")
        case .plan where !token.role.mayPlan:
            throw APIError(status: .forbidden, code: "forbidden", message: "this needs a planner or admin token")
        default:
            return token
        }
    }

    static func body(_ request: Request) async throws -> [String: Any] {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: Self.maxBodyBytes) } catch {
            throw APIError(status: .contentTooLarge, code: "too_large", message: "the body is larger than \(Self.maxBodyBytes) bytes")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any] else {
            throw APIError.badRequest(InputError("the body must be a JSON object"))
        }
        return object
    }

    /// The `:id` path segment, percent-decoded (`osm%3An1` is `osm:n1`); 400 when it holds a control
    /// character (`p%00one` is not the id `p`).
    static func pathID<Context: RequestContext>(_ context: Context) throws -> String {
        let raw = try context.parameters.require("id")
        let id = raw.removingPercentEncoding ?? raw
        do { try SingleLineText.check(id, field: "id") } catch { throw APIError.badRequest(error) }
        return id
    }

    /// Whether a value parsed by JSONSerialization was `true` or `false` (on Linux a boolean is a
    /// `__NSCFBoolean`, while `is Bool` also holds for the numbers 0 and 1).
    static func isBoolean(_ value: Any?) -> Bool {
        guard let value else { return false }
        return type(of: value) == Bool.self || String(describing: type(of: value)) == "__NSCFBoolean"
    }
}
