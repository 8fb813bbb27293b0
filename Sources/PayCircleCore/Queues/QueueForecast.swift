import Foundation

/// What a hall's queue history says of each hour of the week for one service: the mean wait a walk-in
/// met on arrival (from every report made in that hour, by ``WaitModel/queueWait(_:walkSeconds:service:)``)
/// and the arrivals per hour (between consecutive reports of one day that both count what was served:
/// `Δwaiting + Δserved`), and what the open counters could serve in an hour (`open_counters × 3600 /
/// handling_s`, the mean over the hour's reports), in the hall's time zone.
///
/// ```swift
/// let forecast = QueueForecast(reports: history, hall: hall, service: .cash)
/// forecast.hour(weekday: 0, hour: 9)?.waitSeconds   // Mondays 09:00-10:00
/// forecast.quietest(on: now, count: 3)              // today's remaining open hours with the shortest waits
/// ```
public struct QueueForecast: Sendable {
    /// One hour of the week.
    public struct Hour: Sendable, Hashable {
        /// Monday is 0, Sunday is 6.
        public var weekday: Int
        public var hour: Int
        public var waitSeconds: Double?
        public var arrivalsPerHour: Double?
        /// People the open counters could serve in the hour.
        public var servingPerHour: Double?
        /// Reports that made the wait.
        public var reports: Int
    }

    /// The hours with history, in week order.
    public let hours: [Hour]
    let hall: PaymentPoint

    /// Two reports further apart than this are not read as one stretch of arrivals.
    public static let longestGap: TimeInterval = 15 * 60

    public init(reports: [QueueReport], hall: PaymentPoint, service: PaymentService) {
        self.hall = hall
        let zone = TimeZone(identifier: hall.timeZone) ?? TimeZone(identifier: PaymentPoint.defaultTimeZone)!
        var waits: [Int: (sum: Double, count: Int)] = [:]
        var serving: [Int: (sum: Double, count: Int)] = [:]
        var arrivals: [Int: (people: Double, seconds: Double)] = [:]
        var previous: (at: Date, queue: ServiceQueue, day: Int)?
        for report in reports.sorted(by: { $0.reportedAt < $1.reportedAt }) where report.hallID == hall.id {
            guard let queue = report.services[service] else { continue }
            let local = LocalTime(report.reportedAt, in: zone)
            let slot = local.weekday * 24 + local.minuteOfDay / 60
            let day = Int(floor((report.reportedAt.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: report.reportedAt))) / 86_400))
            let wait = WaitModel.queueWait(queue, walkSeconds: 0).seconds
            if wait.isFinite { waits[slot, default: (0, 0)].sum += wait; waits[slot, default: (0, 0)].count += 1 }
            serving[slot, default: (0, 0)].sum += queue.rate * 3_600
            serving[slot, default: (0, 0)].count += 1
            if let previous, previous.day == day, let served = queue.servedToday, let before = previous.queue.servedToday, served >= before {
                let seconds = report.reportedAt.timeIntervalSince(previous.at)
                if seconds > 0, seconds <= Self.longestGap {
                    let people = Double(max(0, queue.waiting - previous.queue.waiting + served - before))
                    arrivals[slot, default: (0, 0)].people += people
                    arrivals[slot, default: (0, 0)].seconds += seconds
                }
            }
            previous = (report.reportedAt, queue, day)
        }
        hours = Set(waits.keys).union(arrivals.keys).sorted().map { slot in
            let wait = waits[slot], flow = arrivals[slot], counters = serving[slot]
            return Hour(weekday: slot / 24, hour: slot % 24, waitSeconds: wait.map { $0.sum / Double($0.count) },
                        arrivalsPerHour: flow.flatMap { $0.seconds > 0 ? $0.people / $0.seconds * 3_600 : nil },
                        servingPerHour: counters.map { $0.sum / Double($0.count) }, reports: wait?.count ?? 0)
        }
    }

    /// The hour of the week `weekday` (Monday 0) and `hour`, when the history has it.
    public func hour(weekday: Int, hour: Int) -> Hour? {
        hours.first { $0.weekday == weekday && $0.hour == hour }
    }

    /// The hour of the week that `date` falls in, in the hall's time zone.
    public func hour(at date: Date) -> Hour? {
        let zone = TimeZone(identifier: hall.timeZone) ?? TimeZone(identifier: PaymentPoint.defaultTimeZone)!
        let local = LocalTime(date, in: zone)
        return hour(weekday: local.weekday, hour: local.minuteOfDay / 60)
    }

    /// What the counters could serve from `start` to `end` beyond the arrivals the history expects: for each
    /// hour of the week the stretch touches, `max(0, serving − arrivals)` per hour times the part of the hour
    /// inside it. Nil when any of those hours lacks either figure.
    ///
    /// ```swift
    /// forecast.spareCapacity(from: nineAM, to: halfPastNine)   // (60 − 36) × 0.5 = 12 people
    /// ```
    public func spareCapacity(from start: Date, to end: Date) -> Double? {
        var spare = 0.0
        var moment = start
        while moment < end {
            let hourEnds = Date(timeIntervalSince1970: (floor(moment.timeIntervalSince1970 / 3_600) + 1) * 3_600)
            let pieceEnd = min(end, hourEnds)
            guard let hour = hour(at: moment), let serving = hour.servingPerHour, let arrivals = hour.arrivalsPerHour else { return nil }
            spare += max(0, serving - arrivals) * pieceEnd.timeIntervalSince(moment) / 3_600
            moment = pieceEnd
        }
        return spare
    }

    /// The rest of `now`'s local day: its hours (from the current one) in which the hall is open at the
    /// half hour and the history has a wait, the `count` shortest first.
    public func quietest(on now: Date, count: Int) -> [Hour] {
        let startOfHour = Date(timeIntervalSince1970: floor(now.timeIntervalSince1970 / 3_600) * 3_600)
        let today = hall.localDay(of: now)
        return (0..<24).compactMap { offset -> Hour? in
            let moment = startOfHour.addingTimeInterval(Double(offset) * 3_600 + 1_800)
            guard hall.localDay(of: moment) == today, hall.isOpen(at: moment) == true, let hour = hour(at: moment), hour.waitSeconds != nil else { return nil }
            return hour
        }
        .sorted { ($0.waitSeconds ?? .infinity, $0.hour) < ($1.waitSeconds ?? .infinity, $1.hour) }
        .prefix(count).map { $0 }
    }
}
