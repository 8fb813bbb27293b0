import Foundation
import HTTPTypes
import Hummingbird
import PayCircleCore
import PayCircleEngine
import ServiceLifecycle

/// The control room: `GET /dashboard` (the page, Chinese and English labels), `GET /v1/dashboard` (the
/// same as JSON for BI tools) and `GET /v1/dashboard/events`, which pushes a `dashboard` event whenever
/// the picture changes. Streams read the shared snapshot every ``tick``; on PostGIS a report or heartbeat
/// through another instance reaches the snapshot through the change feed and the store.
struct DashboardRoutes<Context: GuardedRequestContext>: Sendable {
    let snapshots: DashboardSnapshots
    static var tick: Duration { .milliseconds(250) }
    static var keepAlive: TimeInterval { 15 }

    func add(to router: some RouterMethods<Context>) {
        router.get("/dashboard") { _, _ in PageRoutes<Context>.html(DashboardPage.html) }
        router.get("/assets/dashboard.js") { _, _ in PageRoutes<Context>.asset(Array(DashboardScript.text.utf8), type: "text/javascript") }
        router.get("/v1/dashboard") { _, _ in JSONResponse.make(DashboardJSON(dashboard: try await snapshots.current())) }
        router.get("/v1/dashboard/events") { _, _ in try await events() }
    }

    func events() async throws -> Response {
        _ = try await snapshots.current()
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { [snapshots] writer in
            var sent: Dashboard?
            var quietSince = Date()
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                var dashboard = try await snapshots.current()
                let shown = dashboard
                dashboard.at = .distantPast
                if dashboard != sent {
                    try await writer.write(ServerSentEvent("dashboard", data: String(decoding: DashboardJSON(dashboard: shown).jsonBytes, as: UTF8.self)).buffer)
                    sent = dashboard
                    quietSince = Date()
                } else if Date().timeIntervalSince(quietSince) >= Self.keepAlive {
                    try await writer.write(ServerSentEvent(comment: "no change").buffer)
                    quietSince = Date()
                }
                try await Task.sleep(for: Self.tick)
            }
            try await writer.finish(nil)
        })
    }
}
