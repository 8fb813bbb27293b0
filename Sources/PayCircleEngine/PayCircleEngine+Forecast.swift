import Foundation
import PayCircleCore

extension PayCircleEngine {
    /// How far back a forecast reads a hall's queue history.
    public static let forecastHistory: TimeInterval = 28 * 86_400

    /// What the four weeks of `hallID`'s queue reports before `moment` (now when nil) say of each hour of
    /// the week for `service` (``QueueForecast``); the forecast as of now is kept for
    /// ``ForecastCache/lifetime`` per hall and service.
    public func forecast(hallID: String, service: PaymentService, at moment: Date? = nil) async throws -> QueueForecast {
        let hall = try hall(hallID)
        let now = clock.now
        if moment == nil, let kept = forecasts.forecast(hallID: hall.id, service: service, at: now) { return kept }
        let end = moment ?? now
        let history = try await queues.store.queueReports(hallID: hall.id, from: end.addingTimeInterval(-Self.forecastHistory), to: end)
        let forecast = QueueForecast(reports: history, hall: hall, service: service)
        if moment == nil { forecasts.keep(forecast, hallID: hall.id, service: service, at: now) }
        return forecast
    }
}
