import Hummingbird
import PayCircleCore
import PayCircleStore

/// `GET /healthz`: the service is up and how many points it serves; `GET /openapi.json`: what it offers.
struct HealthRoutes<Context: GuardedRequestContext>: Sendable {
    let registry: PointRegistry

    private struct Health: JSONWritable {
        let points: Int

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.field("status", "ok")
                json.field("points", points)
            }
        }
    }

    func add(to router: some RouterMethods<Context>) {
        router.get("/healthz") { _, _ in JSONResponse.make(Health(points: registry.index.count)) }
        router.get("/openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/vnd.oai.openapi+json;version=3.1"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: OpenAPIDocument.text)))
        }
    }
}
