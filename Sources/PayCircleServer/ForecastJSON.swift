import Foundation
import PayCircleCore
import PayCircleEngine

/// A hall's forecast for one service: `{"hall_id", "service", "history_days", "hours": [{"weekday": "Mo",
/// "hour": 9, "wait_s", "arrivals_per_hour", "serving_per_hour", "reports"}], "today": {"date", "quietest": [{"hour", "wait_s"}]}}`;
/// hours without history are left out, and a value the history cannot give is null.
struct ForecastJSON: JSONWritable {
    let hall: PaymentPoint
    let service: PaymentService
    let forecast: QueueForecast
    let now: Date

    static let weekdays = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("hall_id", hall.id)
            json.field("service", service.rawValue)
            json.field("history_days", (PayCircleEngine.forecastHistory / 86_400).rounded())
            json.key("hours")
            json.array { json in
                for hour in forecast.hours {
                    json.object { json in
                        json.field("weekday", Self.weekdays[hour.weekday])
                        json.field("hour", Double(hour.hour))
                        json.nullableField("wait_s", hour.waitSeconds.map { $0.rounded() })
                        json.nullableField("arrivals_per_hour", hour.arrivalsPerHour, places: 1)
                        json.nullableField("serving_per_hour", hour.servingPerHour, places: 1)
                        json.field("reports", Double(hour.reports))
                    }
                }
            }
            json.key("today")
            json.object { json in
                json.field("date", hall.localDay(of: now))
                json.key("quietest")
                json.array { json in
                    for hour in forecast.quietest(on: now, count: 3) {
                        json.object { json in
                            json.field("hour", Double(hour.hour))
                            json.nullableField("wait_s", hour.waitSeconds.map { $0.rounded() })
                        }
                    }
                }
            }
        }
    }
}
