import Hummingbird
import PayCircleCore

/// Builds JSON responses from ``JSONWritable`` values.
enum JSONResponse {
    /// Room a response's JSON starts with: a nearest answer of five records (about 1.7 KB) is written
    /// without growing.
    static let initialCapacity = 4096

    static func make(_ value: some JSONWritable, status: HTTPResponse.Status = .ok, contentType: String = "application/json") -> Response {
        make(status: status, contentType: contentType, writing: value.write(to:))
    }

    /// A response of the JSON `write` writes.
    static func make(status: HTTPResponse.Status = .ok, contentType: String = "application/json", writing write: (inout JSONWriter) -> Void) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType + "; charset=utf-8"
        return Response(status: status, headers: headers,
                        body: ResponseBody(byteBuffer: JSONWriter.withBytes(capacity: initialCapacity, writing: write) { ByteBuffer(bytes: $0) }))
    }

    static func geoJSON(_ value: some JSONWritable) -> Response {
        make(value, contentType: "application/geo+json")
    }
}
