import Foundation
import PayCircleCore
import Synchronization

/// Forecasts kept per hall and service for a while: an hour of the week's mean hardly moves in minutes,
/// and every slot list and hall screen asks for one.
public final class ForecastCache: Sendable {
    /// How long a forecast is kept.
    public static let lifetime: TimeInterval = 600
    private let kept = Mutex<[String: (forecast: QueueForecast, at: Date)]>([:])

    public init() {}

    func forecast(hallID: String, service: PaymentService, at now: Date) -> QueueForecast? {
        kept.withLock { kept in
            guard let entry = kept[Self.key(hallID, service)], now.timeIntervalSince(entry.at) < Self.lifetime, entry.at <= now else { return nil }
            return entry.forecast
        }
    }

    func keep(_ forecast: QueueForecast, hallID: String, service: PaymentService, at now: Date) {
        kept.withLock { $0[Self.key(hallID, service)] = (forecast, now) }
    }

    private static func key(_ hallID: String, _ service: PaymentService) -> String { hallID + "\u{1F}" + service.rawValue }
}
