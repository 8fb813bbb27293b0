import Foundation
import PayCircleCore

extension PayCircleEngine {
    /// How far back a forecast reads a hall's queue history.
    public static let forecastHistory: TimeInterval = 28 * 86_400

    /// What the last four weeks of `hallID`'s queue reports say of each hour of the week for `service`
    /// (``QueueForecast``), kept for ``ForecastCache/lifetime`` per hall and service.
    public func forecast(hallID: String, service: PaymentService) async throws -> QueueForecast {
        let hall = try hall(hallID)
        let now = clock.now
        if let kept = forecasts.forecast(hallID: hall.id, service: service, at: now) { return kept }
        let history = try await queues.store.queueReports(hallID: hall.id, from: now.addingTimeInterval(-Self.forecastHistory), to: now)
        let forecast = QueueForecast(reports: history, hall: hall, service: service)
        forecasts.keep(forecast, hallID: hall.id, service: service, at: now)
        return forecast
    }
}
