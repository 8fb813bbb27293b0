import Foundation
import Hummingbird
import PayCircleCore
import PayCircleNetwork

/// An error answered as `{"error": {"code", "message", "field"}}` with its HTTP status.
///
/// ```swift
/// throw APIError.badRequest(InputError("is required", field: "lat"))   // 400
/// ```
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var field: String?
    /// Seconds after which a client may try again (429 and 503), sent as `Retry-After`.
    public var retryAfter: Int?

    public init(status: HTTPResponse.Status, code: String, message: String, field: String? = nil, retryAfter: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.retryAfter = retryAfter
    }

    public static func badRequest(_ error: InputError) -> APIError {
        let message = error.field.map { "\($0): \(error.message)" } ?? error.message
        return APIError(status: .badRequest, code: "invalid_parameter", message: message, field: error.field)
    }

    /// A walking question the network cannot answer: 400, naming the input it is about.
    public static func network(_ error: NetworkError) -> APIError {
        APIError(status: .badRequest, code: error.reason.rawValue, message: error.message, field: error.field)
    }

    public static func notFound(_ what: String) -> APIError {
        APIError(status: .notFound, code: "not_found", message: what)
    }

    private struct Body: JSONWritable {
        let error: APIError

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.key("error")
                json.object { json in
                    json.field("code", error.code)
                    json.field("message", error.message)
                    json.nullableField("field", error.field)
                }
            }
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(Body(error: self), status: status)
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }
}
