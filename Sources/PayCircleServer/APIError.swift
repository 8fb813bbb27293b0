import Foundation
import Hummingbird
import PayCircleCore

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

    public init(status: HTTPResponse.Status, code: String, message: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
    }

    public static func badRequest(_ error: InputError) -> APIError {
        let message = error.field.map { "\($0): \(error.message)" } ?? error.message
        return APIError(status: .badRequest, code: "invalid_parameter", message: message, field: error.field)
    }

    public static func notFound(_ what: String) -> APIError {
        APIError(status: .notFound, code: "not_found", message: what)
    }

    private struct Body: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
            let field: String?

            func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(code, forKey: .code)
                try c.encode(message, forKey: .message)
                try c.encode(field, forKey: .field)
            }

            enum CodingKeys: String, CodingKey { case code, message, field }
        }
        let error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONResponse.make(Body(error: .init(code: code, message: message, field: field)), status: status)
    }
}
