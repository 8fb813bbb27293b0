import Hummingbird
import PayCircleEngine

/// Turns the engine's refusals into the API's error answers, in one place: each ``EngineError`` kind is
/// an HTTP status, and its code, message and field become the JSON body.
struct EngineErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as EngineError {
            throw APIError(error)
        }
    }
}

extension APIError {
    init(_ error: EngineError) {
        let status: HTTPResponse.Status = switch error.kind {
        case .invalid: .badRequest
        case .notFound: .notFound
        case .conflict: .conflict
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        }
        self.init(status: status, code: error.code, message: error.message, field: error.field)
    }
}
