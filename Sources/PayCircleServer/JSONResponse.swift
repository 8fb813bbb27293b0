import Foundation
import Hummingbird

/// Builds JSON responses with a fixed encoder configuration (sorted keys are not needed on the hot path).
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, contentType: String = "application/json") throws -> Response {
        let data = try JSONEncoder().encode(value)
        var headers = HTTPFields()
        headers[.contentType] = contentType + "; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func geoJSON(_ value: some Encodable) throws -> Response {
        try make(value, contentType: "application/geo+json")
    }
}
