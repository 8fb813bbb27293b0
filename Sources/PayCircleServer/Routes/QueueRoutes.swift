import Foundation
import Hummingbird
import PayCircleCore
import PayCircleEngine
import PayCircleStore

/// Halls' live queues: `PUT /v1/halls/{id}/queue` for queue machines (operator or admin token) and
/// `GET /v1/halls/{id}/queue` for anyone, with the waits they mean now.
///
/// ```json
/// PUT /v1/halls/hall-1/queue
/// {"reported_at": "2026-11-24T10:00:00+08:00",
///  "services": {"cash": {"waiting": 4, "open_counters": 2, "handling_s": 120}}}
/// ```
struct QueueRoutes<Context: GuardedRequestContext>: Sendable {
    let engine: PayCircleEngine

    /// `GET` among `reads`, `PUT` among `writes`.
    func add(reads: some RouterMethods<Context>, writes: some RouterMethods<Context>) {
        writes.put("/v1/halls/:id/queue") { request, context in try await report(request, context, hallID: try PathParameters.id(context)) }
        reads.get("/v1/halls/:id/queue") { _, context in try show(hallID: try PathParameters.id(context)) }
        reads.get("/v1/halls/:id/forecast") { request, context in try await forecast(request, hallID: try PathParameters.id(context)) }
    }

    func report(_ request: Request, _ context: Context, hallID: String) async throws -> Response {
        _ = try engine.authorize(context.credentials, for: .reportState(pointID: hallID))
        let hall = try engine.hall(hallID)
        let now = engine.clock.now
        let report: QueueReport
        do {
            report = try await RequestBody.decode(QueueReportBody.self, from: request).report(hallID: hall.id, now: now, maxAge: engine.waits.maxReportAge)
        } catch let error as InputError {
            throw APIError.badRequest(error)
        }
        _ = try await engine.record(report)
        return JSONResponse.make(QueueJSON(hall: hall, queues: engine.queues, waits: engine.waits, now: now))
    }

    func show(hallID: String) throws -> Response {
        let hall = try engine.hall(hallID)
        return JSONResponse.make(QueueJSON(hall: hall, queues: engine.queues, waits: engine.waits, now: engine.clock.now))
    }

    /// `GET /v1/halls/{id}/forecast?service[&at]`: the expected wait and arrivals per hour of the week from
    /// the queue history, and the quietest hours of today (of `at`'s day, from the four weeks before it).
    func forecast(_ request: Request, hallID: String) async throws -> Response {
        let hall = try engine.hall(hallID)
        guard let name = request.queryParameters.string("service"), let service = PaymentService(rawValue: name) else {
            throw APIError.badRequest(InputError("expected one of \(PaymentService.allCases.map(\.rawValue).joined(separator: ", "))", field: "service"))
        }
        let moment: Date?
        do { moment = try request.queryParameters.timestamp("at") } catch { throw APIError.badRequest(error) }
        let forecast = try await engine.forecast(hallID: hall.id, service: service, at: moment)
        return JSONResponse.make(ForecastJSON(hall: hall, service: service, forecast: forecast, now: moment ?? engine.clock.now))
    }
}
