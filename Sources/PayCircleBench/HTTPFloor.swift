import ArgumentParser
import Hummingbird

/// The HTTP framework's floor: a bare Hummingbird application with one route that answers `GET /healthz`
/// with a body as long as `paycircle serve`'s, and nothing else (no middleware, no store). Loading it with
/// the same client as the service (`Tools/bench-http-floor.sh`) shows how fast and how steady any route of
/// the service could be on the host; runs until it is stopped.
struct HTTPFloor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http-floor", abstract: "Serve a bare Hummingbird /healthz on 127.0.0.1 (the framework's floor for Tools/bench-http-floor.sh).")

    @Option(help: "Port to listen on.") var port = 18_096

    func run() async throws {
        let router = Router()
        // The same 31 bytes as `paycircle serve` on a store of 100,000 points.
        let body = ByteBuffer(string: #"{"status":"ok","points":100000}"#)
        router.get("/healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: body))
        }
        let app = Application(router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)))
        try await app.runService()
    }
}
