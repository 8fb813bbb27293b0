import Foundation
import Hummingbird
import PayCircleCore
import PayCircleStore

/// What write routes read first: a JSON-object body of at most ``maxBodyBytes`` (413 above, 400 when not
/// an object) and the `:id` path segment. Who may write is the engine's rule
/// (``PayCircleEngine/authorize(_:for:)``).
enum WriteAccess {
    static var maxBodyBytes: Int { 64 * 1024 }

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
