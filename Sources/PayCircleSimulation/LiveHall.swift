import Foundation
import PayCircleCore

/// One demo hall's queue machine in real time, on the hall-day model (``HallDay/Settings``: demand by a
/// ``DemandProfile`` at the hall's local hour, a share taking remote tickets, exponential handling at
/// `counters` counters, no-shows, a report every `reportEvery` seconds), driving a ``DemoEndpoint``
/// instead of the engine: it takes remote tickets, calls and closes them, and reports its queue with what
/// it has served today. Its own queue machine beats with each report.
///
/// ```swift
/// var hall = LiveHall(hall: point, machineID: "demo-hall-1-q", settings: settings, start: now)
/// try await hall.advance(to: now.addingTimeInterval(1), through: endpoint)
/// ```
public struct LiveHall: Sendable {
    enum Entry: Sendable {
        case walkIn
        case ticket(number: String, noShow: Bool)
    }

    public let hall: PaymentPoint
    public let machineID: String
    public let settings: HallDay.Settings
    var generator: SeededGenerator
    var line: [Entry] = []
    var busyUntil: [Date?]
    var nextArrival: Date
    var nextReport: Date
    var day: String
    public private(set) var servedToday = 0
    public private(set) var ticketsTaken = 0
    var customers = 0

    public init(hall: PaymentPoint, machineID: String, settings: HallDay.Settings, start: Date) {
        self.hall = hall
        self.machineID = machineID
        self.settings = settings
        generator = SeededGenerator(seed: settings.seed)
        busyUntil = Array(repeating: nil, count: settings.counters)
        nextArrival = start
        nextReport = start
        day = hall.localDay(of: start)
        nextArrival = start.addingTimeInterval(nextGap(at: start))
    }

    /// People waiting at the counters (remote holders are not in the hall until called).
    public var waiting: Int { line.filter { if case .walkIn = $0 { true } else { false } }.count }

    /// Plays every event up to `now`, in order.
    public mutating func advance(to now: Date, through endpoint: some DemoEndpoint) async throws {
        while true {
            let finishing = busyUntil.enumerated().compactMap { index, until in until.map { (index, $0) } }.min { $0.1 < $1.1 }
            let moment = [nextArrival, nextReport, finishing?.1].compactMap { $0 }.min()!
            guard moment <= now else { return }
            if hall.localDay(of: moment) != day {
                day = hall.localDay(of: moment)
                servedToday = 0
            }
            if let finishing, finishing.1 == moment {
                busyUntil[finishing.0] = nil
            } else if nextArrival == moment {
                try await arrive(at: moment, through: endpoint)
            } else {
                let queue = ServiceQueue(waiting: waiting, openCounters: settings.counters, handlingSeconds: settings.handlingSeconds, servedToday: servedToday)
                try await endpoint.report(hallID: hall.id, service: .cash, queue: queue)
                _ = try await endpoint.heartbeat(deviceID: machineID, fault: nil, counters: ["tickets": ticketsTaken], acknowledged: [])
                nextReport = moment.addingTimeInterval(settings.reportEvery)
            }
            for counter in busyUntil.indices where busyUntil[counter] == nil { try await serveNext(counter, at: moment, through: endpoint) }
        }
    }

    private mutating func arrive(at moment: Date, through endpoint: some DemoEndpoint) async throws {
        customers += 1
        let remote = generator.unit() < settings.remoteShare
        let noShow = generator.unit() < settings.noShowShare
        if remote, let number = try await endpoint.issueTicket(hallID: hall.id, service: .cash, customer: "demo-\(hall.id)-\(settings.seed)-\(customers)") {
            ticketsTaken += 1
            line.append(.ticket(number: number, noShow: noShow))
        } else {
            line.append(.walkIn)
        }
        nextArrival = moment.addingTimeInterval(nextGap(at: moment))
    }

    private mutating func serveNext(_ counter: Int, at moment: Date, through endpoint: some DemoEndpoint) async throws {
        while !line.isEmpty {
            let entry = line.removeFirst()
            servedToday += 1
            if case .ticket(let number, let noShow) = entry {
                try await endpoint.call(hallID: hall.id, service: .cash, number: number)
                try await endpoint.close(hallID: hall.id, service: .cash, number: number, served: !noShow)
                if noShow { continue }
            }
            busyUntil[counter] = moment.addingTimeInterval(generator.exponential(mean: settings.handlingSeconds))
            return
        }
    }

    /// The wait to the next arrival at the profile's rate for the hall's local hour then.
    private mutating func nextGap(at moment: Date) -> TimeInterval {
        let parts = hall.localCalendar.dateComponents([.hour, .minute], from: moment)
        let hour = Double(parts.hour ?? 0) + Double(parts.minute ?? 0) / 60
        return generator.exponential(mean: 3_600 / max(1, settings.profile.perHour(at: hour)))
    }
}
