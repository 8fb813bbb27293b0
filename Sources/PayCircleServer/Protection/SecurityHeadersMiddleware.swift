import Hummingbird
import HTTPTypes

/// Adds to every answer, errors included, the headers that keep a browser from running anything but the
/// service's own scripts: a Content-Security-Policy without inline script, `X-Content-Type-Options:
/// nosniff` and `Referrer-Policy: no-referrer`. `frame-ancestors` names who may frame the pages (hall
/// screens may sit in the company's portal): `'self'` unless configured.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The headers added, made once.
    let headers: HTTPFields

    init(frameAncestors: [String]) {
        let policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors \(frameAncestors.joined(separator: " "))"
        headers = [.contentSecurityPolicy: policy, .xContentTypeOptions: "nosniff", .referrerPolicy: "no-referrer"]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers.append(contentsOf: headers)
        return response
    }
}

extension HTTPField.Name {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
