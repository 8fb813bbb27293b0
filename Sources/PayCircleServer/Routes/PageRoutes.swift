import Foundation
import Hummingbird
import PayCircleCore
import PayCircleStore

/// The pages people look at, and what they load: `GET /` (a general map), `GET /screen?hall=ID` (a
/// hall's navigation screen), `GET /planner` (coverage by time of day), `/assets/paycircle.js` and
/// `.css`, and Leaflet's script and style from the machine's copy (Debian's libjs-leaflet), so that
/// nothing comes from the internet.
struct PageRoutes<Context: GuardedRequestContext>: Sendable {
    let registry: PointRegistry
    /// Leaflet's `leaflet.js` and `leaflet.css`, read at start-up; nil when not installed.
    let leaflet: LeafletFiles?

    func add(to router: some RouterMethods<Context>) {
        router.get("/") { _, _ in Self.html(MapPages.page(view: "general", title: "PayCircle · 缴费点地图")) }
        router.get("/planner") { _, _ in Self.html(MapPages.page(view: "planner", title: "PayCircle · 十分钟缴费圈覆盖")) }
        router.get("/screen") { request, _ in try screen(request) }
        router.get("/assets/paycircle.js") { _, _ in Self.asset(Array(MapScript.text.utf8), type: "text/javascript") }
        router.get("/assets/paycircle.css") { _, _ in Self.asset(Array(MapStyle.text.utf8), type: "text/css") }
        router.get("/assets/icon.svg") { _, _ in Self.asset(Array(Self.icon.utf8), type: "image/svg+xml") }
        router.get("/assets/leaflet.js") { _, _ in try Self.asset(leafletFile(\.script), type: "text/javascript") }
        router.get("/assets/leaflet.css") { _, _ in try Self.asset(leafletFile(\.style), type: "text/css") }
    }

    func screen(_ request: Request) throws -> Response {
        guard let id = request.queryParameters.string("hall") else {
            throw APIError.badRequest(InputError("is required: the id of the hall whose screen this is", field: "hall"))
        }
        guard let hall = registry.point(id: id) else { throw APIError.notFound("no payment point with id '\(id)'") }
        var data = ["hall": id]
        // A screen shown "as at" a moment (for rehearsals and tests) checks the moment here, not in the page.
        if let moment = request.queryParameters.string("at") {
            do { _ = try request.queryParameters.timestamp("at") } catch { throw APIError.badRequest(error) }
            data["at"] = moment
        }
        return Self.html(MapPages.page(view: "screen", title: "\(hall.name) · 缴费导航", data: data))
    }

    private func leafletFile(_ part: KeyPath<LeafletFiles, [UInt8]>) throws -> [UInt8] {
        guard let leaflet else {
            throw APIError(status: .notFound, code: "not_found", message: "Leaflet is not installed on this machine (apt-get install libjs-leaflet)")
        }
        return leaflet[keyPath: part]
    }

    /// The pages' icon: a yellow ring for the ten-minute circle on the dashboard's blue.
    static var icon: String { """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b2545"/>\
        <circle cx="16" cy="16" r="10" fill="none" stroke="#f4b400" stroke-width="4"/></svg>
        """ }

    static func html(_ text: String) -> Response {
        asset(Array(text.utf8), type: "text/html")
    }

    static func asset(_ bytes: [UInt8], type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type + "; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
