import Hummingbird
import PayCircleCore

/// Builds JSON responses from ``JSONWritable`` values.
enum JSONResponse {
    static func make(_ value: some JSONWritable, status: HTTPResponse.Status = .ok, contentType: String = "application/json") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType + "; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: value.jsonBytes)))
    }

    static func geoJSON(_ value: some JSONWritable) -> Response {
        make(value, contentType: "application/geo+json")
    }
}
