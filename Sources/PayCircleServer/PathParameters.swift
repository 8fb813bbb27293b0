import Foundation
import Hummingbird
import PayCircleCore

/// The `:id` path segment of routes about one thing. Bodies are ``RequestBody``'s; who may write is the
/// engine's rule (``PayCircleEngine/authorize(_:for:)``).
enum PathParameters {
    /// The `:id` path segment, percent-decoded (`osm%3An1` is `osm:n1`); 400 when it holds a control
    /// character (`p%00one` is not the id `p`).
    static func id<Context: RequestContext>(_ context: Context) throws -> String {
        let raw = try context.parameters.require("id")
        let id = raw.removingPercentEncoding ?? raw
        do { try SingleLineText.check(id, field: "id") } catch { throw APIError.badRequest(error) }
        return id
    }
}
