import Hummingbird
import HTTPTypes

/// Adds to every answer, errors included, the headers that keep a browser from running anything but the
/// service's own scripts: a Content-Security-Policy without inline script, `X-Content-Type-Options:
/// nosniff` and `Referrer-Policy: no-referrer`. `frame-ancestors` names who may frame the pages (hall
/// screens may sit in the company's portal): `'self'` unless configured.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let contentSecurityPolicy: String

    init(frameAncestors: [String]) {
        contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors \(frameAncestors.joined(separator: " "))"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        return response
    }
}

extension HTTPField.Name {
    static var referrerPolicy: HTTPField.Name { HTTPField.Name("Referrer-Policy")! }
}
