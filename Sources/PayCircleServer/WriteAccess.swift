import Foundation
import Hummingbird
import PayCircleCore
import PayCircleStore

/// What every write route checks first: the bearer token (401 without a valid one, 403 when its role may
/// not do this) and a JSON-object body of at most ``maxBodyBytes`` (413 above, 400 when not an object).
struct WriteAccess: Sendable {
    static var maxBodyBytes: Int { 64 * 1024 }

    let store: any PointStore

    /// The request's token; `editing` writes (creating, replacing, deleting points) need an admin.
    func token(_ request: Request, editing: Bool) throws -> AccessToken {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw APIError(status: .unauthorized, code: "unauthorized", message: "writes need an Authorization: Bearer <token> header")
        }
        guard let token = try store.authenticate(secret: String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)) else {
            throw APIError(status: .unauthorized, code: "unauthorized", message: "the token is not valid (unknown or revoked)")
        }
        guard !editing || token.role.mayEditPoints else {
            throw APIError(status: .forbidden, code: "forbidden", message: "an operator token may only report status and queues")
        }
        return token
    }

    func body(_ request: Request) async throws -> [String: Any] {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: Self.maxBodyBytes) } catch {
            throw APIError(status: .contentTooLarge, code: "too_large", message: "the body is larger than \(Self.maxBodyBytes) bytes")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any] else {
            throw APIError.badRequest(InputError("the body must be a JSON object"))
        }
        return object
    }

    /// The `:id` path segment, percent-decoded (`osm%3An1` is `osm:n1`).
    static func pathID<Context: RequestContext>(_ context: Context) throws -> String {
        let raw = try context.parameters.require("id")
        return raw.removingPercentEncoding ?? raw
    }

    /// Whether a value parsed by JSONSerialization was `true` or `false` (on Linux a boolean is a
    /// `__NSCFBoolean`, while `is Bool` also holds for the numbers 0 and 1).
    static func isBoolean(_ value: Any?) -> Bool {
        guard let value else { return false }
        return type(of: value) == Bool.self || String(describing: type(of: value)) == "__NSCFBoolean"
    }
}
