import Foundation
import PayCircleCore

/// Coverage round the clock: `{"date", "time_zone", "minutes", "population", "hours": [{"hour", "at",
/// "covered_share", "covered_population", "channels": {"counted", "closed", "unknown_hours", "assumed_hours"}}]}`.
public struct CoverageHoursResponse: JSONWritable, Sendable {
    public var date: String
    public var timeZone: String
    public var reports: [CoverageReport]

    public init(date: String, timeZone: String, reports: [CoverageReport]) {
        self.date = date
        self.timeZone = timeZone
        self.reports = reports
    }

    public func write(to json: inout JSONWriter) {
        let zone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: PaymentPoint.defaultTimeZone)!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        json.object { json in
            json.field("date", date)
            json.field("time_zone", timeZone)
            json.field("minutes", reports.first?.minutes ?? 0)
            json.field("population", (reports.first?.population ?? 0).rounded())
            json.key("hours")
            json.array { json in
                for report in reports {
                    json.object { json in
                        json.field("hour", calendar.component(.hour, from: report.at))
                        json.field("at", report.at)
                        json.field("covered_share", report.coveredShare, places: 4)
                        json.field("covered_population", report.coveredPopulation.rounded())
                        PlanningJSON.channels(report.channels, offNetwork: false, to: &json)
                    }
                }
            }
        }
    }
}
