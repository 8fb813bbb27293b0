import Foundation
import PayCircleCore
import PayCircleEngine
import PayCircleStore

/// A seeded discrete-event simulation of one hall's day, run through the engine's own code on a manual
/// clock: walk-ins arrive by a ``DemandProfile``; a share take a remote ticket instead
/// (``PayCircleEngine/issueTicket(hallID:service:customer:from:)``, or walk in when refused); with
/// appointments on, a share book a slot the evening before as an app would offer it: of the slots with
/// room within `bookingWindowHours` of when they meant to come, the one the hall's forecast expects
/// quietest (the nearest when it has no history), walking in as meant when none has room; they check in
/// up to ten minutes after the slot's start; `counters` counters serve one line with exponential handling times,
/// checked-in appointments first; remote tickets and appointments are called and closed through the
/// engine, and a share of remote holders do not show; the queue machine reports every `reportEvery`
/// seconds with what it has served. Every customer draws the same random numbers whatever the settings,
/// so two runs differ only by what the settings change. Days run one after another on one store build
/// the queue history that forecasts and fitted slots read.
///
/// ```swift
/// let result = try await HallDay(settings).run(engine: engine, clock: clock, hall: hall, day: midnight)
/// result.shareInBand   // realised calls inside the 10-90% band given at issue
/// ```
public struct HallDay: Sendable {
    public struct Settings: Sendable {
        public var seed: UInt64 = 42
        public var counters = 4
        public var handlingSeconds: Double = 240
        /// Opening and closing, in local hours.
        public var opens = 8.0, closes = 18.0
        public var remoteShare = 0.2
        /// Of the customers who would walk in, the share who book an appointment instead.
        public var appointmentShare = 0.0
        /// Bookings a slot takes, and whether the hall fits them to its forecast (``AppointmentSettings``).
        public var slotCapacity = 6
        public var fitToForecast = false
        /// How far from the time they meant to come bookers accept a slot, in hours either way.
        public var bookingWindowHours = 2.0
        public var noShowShare = 0.05
        public var reportEvery: TimeInterval = 30
        public var slotMinutes = 30
        public var profile = DemandProfile()

        public init() {}
    }

    public struct Result: Sendable {
        public var customers = 0, walkIns = 0, remoteIssued = 0, remoteRefused = 0, appointments = 0, noShows = 0
        /// Bookers who found no slot with room in their window and walked in instead.
        public var unbooked = 0
        /// Remote tickets whose call was inside the band given at issue, of all remote tickets called.
        public var callsInBand = 0, remoteCalls = 0
        /// Sum of |expected − realised| call times, seconds.
        public var absoluteErrorSum = 0.0
        /// Walk-in waits (arrival to counter) by local hour of arrival.
        public var walkInWaits: [Int: [Double]] = [:]

        public var shareInBand: Double { remoteCalls == 0 ? .nan : Double(callsInBand) / Double(remoteCalls) }
        public var meanAbsoluteError: Double { remoteCalls == 0 ? .nan : absoluteErrorSum / Double(remoteCalls) }
        public var meanWalkInWait: Double {
            let all = walkInWaits.values.flatMap { $0 }
            return all.isEmpty ? .nan : all.reduce(0, +) / Double(all.count)
        }
        /// The hour whose walk-ins waited longest on average, and that mean.
        public var peakHour: (hour: Int, seconds: Double) {
            walkInWaits.map { ($0.key, $0.value.reduce(0, +) / Double($0.value.count)) }.max { $0.1 < $1.1 } ?? (0, .nan)
        }
    }

    public let settings: Settings

    public init(_ settings: Settings) { self.settings = settings }

    /// One customer's draws.
    struct Customer {
        let arrival: Date
        let handling: TimeInterval
        let remote: Bool
        let books: Bool
        let noShow: Bool
        let checkInDelay: TimeInterval
    }

    /// A place in the hall's line.
    enum Entry {
        case walkIn(Customer)
        case ticket(QueueTicket, Customer, predicted: (expected: Date, early: Date, late: Date)?)
    }

    /// Runs the day of `day` (the hall's local midnight) on `engine`, whose clock is `clock`; the hall
    /// must be in the engine's registry with `cash` service.
    public func run(engine: PayCircleEngine, clock: ManualClock, hall: PaymentPoint, day: Date) async throws -> Result {
        var generator = SeededGenerator(seed: settings.seed)
        let customers = settings.profile.arrivals(opens: settings.opens, closes: settings.closes, using: &generator).map { hour in
            Customer(arrival: day.addingTimeInterval(hour * 3_600), handling: generator.exponential(mean: settings.handlingSeconds),
                     remote: generator.unit() < settings.remoteShare, books: generator.unit() < settings.appointmentShare,
                     noShow: generator.unit() < settings.noShowShare, checkInDelay: generator.unit() * 600)
        }
        var result = Result()
        result.customers = customers.count
        var (checkIns, booked) = try await bookAppointments(customers, engine: engine, clock: clock, hall: hall, day: day)
        result.appointments = checkIns.count
        result.unbooked = customers.filter(\.books).count - checkIns.count
        var line: [Entry] = [], priority: [Entry] = []
        var busyUntil = [Date?](repeating: nil, count: settings.counters)
        var next = customers.filter { !booked.contains($0.arrival) }.makeIterator()
        var arrival = next.next()
        var report = day.addingTimeInterval(settings.opens * 3_600)
        var served = 0

        func startNext(_ counter: Int, at now: Date) async throws {
            while true {
                let entry: Entry
                if !priority.isEmpty { entry = priority.removeFirst() } else if !line.isEmpty { entry = line.removeFirst() } else { busyUntil[counter] = nil; return }
                served += 1
                switch entry {
                case .walkIn(let customer):
                    result.walkInWaits[Int(hall.localCalendar.component(.hour, from: customer.arrival)), default: []].append(now.timeIntervalSince(customer.arrival))
                    busyUntil[counter] = now.addingTimeInterval(customer.handling)
                    return
                case .ticket(let ticket, let customer, let predicted):
                    _ = try await engine.callTicket(hallID: hall.id, service: .cash, number: ticket.number)
                    if let predicted {
                        result.remoteCalls += 1
                        if predicted.early <= now && now <= predicted.late { result.callsInBand += 1 }
                        result.absoluteErrorSum += abs(predicted.expected.timeIntervalSince(now))
                    }
                    let shows = ticket.appointmentID != nil || !customer.noShow
                    _ = try await engine.closeTicket(hallID: hall.id, service: .cash, number: ticket.number, outcome: shows ? .served : .noShow)
                    if shows {
                        busyUntil[counter] = now.addingTimeInterval(customer.handling)
                        return
                    }
                    result.noShows += 1
                }
            }
        }

        while true {
            let finishing = busyUntil.enumerated().compactMap { index, until in until.map { (index, $0) } }.min { $0.1 < $1.1 }
            let reporting = (arrival != nil || !line.isEmpty || !priority.isEmpty || finishing != nil || !checkIns.isEmpty) ? report : nil
            let moments = [arrival?.arrival, reporting, checkIns.first?.at, finishing?.1].compactMap { $0 }
            guard let now = moments.min() else { break }
            clock.set(now)
            if let finishing, finishing.1 == now {
                try await startNext(finishing.0, at: now)
            } else if let customer = arrival, customer.arrival == now {
                arrival = next.next()
                if customer.remote, let issued = try? await engine.issueTicket(hallID: hall.id, service: .cash, customer: "c\(customer.arrival.timeIntervalSince1970)", from: nil) {
                    result.remoteIssued += 1
                    line.append(.ticket(issued.ticket, customer, predicted: issued.place.callTime(at: now)))
                } else {
                    if customer.remote { result.remoteRefused += 1 }
                    result.walkIns += 1
                    line.append(.walkIn(customer))
                }
            } else if reporting == now {
                let waiting = line.filter { if case .walkIn = $0 { true } else { false } }.count
                _ = try await engine.record(QueueReport(hallID: hall.id, reportedAt: now, services: [
                    .cash: ServiceQueue(waiting: waiting, openCounters: settings.counters, handlingSeconds: settings.handlingSeconds, servedToday: served),
                ]))
                report = now.addingTimeInterval(settings.reportEvery)
            } else if let checkIn = checkIns.first, checkIn.at == now {
                checkIns.removeFirst()
                let ticket = try await engine.checkIn(appointmentID: checkIn.id, key: checkIn.key)
                priority.append(.ticket(ticket, checkIn.customer, predicted: nil))
            }
            for counter in busyUntil.indices where busyUntil[counter] == nil { try await startNext(counter, at: now) }
        }
        return result
    }

    /// Books the customers who book at 20:00 the evening before, each in the quietest slot with room
    /// within the booking window of when they meant to come; answers the check-ins in time order and the
    /// arrival times of those who booked.
    func bookAppointments(_ customers: [Customer], engine: PayCircleEngine, clock: ManualClock, hall: PaymentPoint,
                          day: Date) async throws -> (checkIns: [(at: Date, id: String, key: String, customer: Customer)], booked: Set<Date>) {
        let bookers = customers.filter(\.books)
        guard settings.appointmentShare > 0, !bookers.isEmpty else { return ([], []) }
        clock.set(day.addingTimeInterval(-4 * 3_600))
        let admin = Credentials.valid(AccessToken(id: "tok_simulation", name: "simulation", role: .admin, createdAt: clock.now))
        try await engine.setAppointmentSettings(AppointmentSettings(hallID: hall.id, slotMinutes: settings.slotMinutes, capacity: [.cash: settings.slotCapacity],
                                                                    fitToForecast: settings.fitToForecast), by: admin)
        var slots = try await engine.slots(hallID: hall.id, service: .cash, date: hall.localDay(of: day))
        let forecast = try await engine.forecast(hallID: hall.id, service: .cash)
        let window = settings.bookingWindowHours * 3_600
        var checkIns: [(at: Date, id: String, key: String, customer: Customer)] = []
        var booked: Set<Date> = []
        for (index, customer) in bookers.enumerated() {
            let offered = slots.indices.filter { slots[$0].booked < slots[$0].capacity && abs(slots[$0].start.timeIntervalSince(customer.arrival)) <= window }
            guard let chosen = offered.min(by: { a, b in
                let waitA = forecast.hour(at: slots[a].start)?.waitSeconds ?? .infinity, waitB = forecast.hour(at: slots[b].start)?.waitSeconds ?? .infinity
                return (waitA, abs(slots[a].start.timeIntervalSince(customer.arrival))) < (waitB, abs(slots[b].start.timeIntervalSince(customer.arrival)))
            }) else { continue }
            let appointment = try await engine.bookAppointment(hallID: hall.id, service: .cash, start: slots[chosen].start, customer: "b\(index)")
            slots[chosen].booked += 1
            booked.insert(customer.arrival)
            checkIns.append((slots[chosen].start.addingTimeInterval(customer.checkInDelay), appointment.appointment.id, appointment.key, customer))
        }
        return (checkIns.sorted { $0.at < $1.at }, booked)
    }
}
