import Foundation
import PayCircleCore
import PayCircleStore

extension PayCircleEngine {
    /// The control room's picture now (``Dashboard``), from the registry, the queue board and the store.
    /// Day figures are of today in the time zone most halls keep (China Standard Time when there are none).
    public func dashboard(thresholds: Dashboard.Thresholds = Dashboard.Thresholds()) async throws -> Dashboard {
        let now = clock.now
        let points = registry.sortedPoints()
        let zoneName = PaymentPoint.commonTimeZone(of: points.filter { $0.kind.hasQueueMachine })
        let zone = TimeZone(identifier: zoneName) ?? TimeZone(identifier: PaymentPoint.defaultTimeZone)!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let dayStart = calendar.startOfDay(for: now)
        func hour(_ date: Date) -> Int { min(23, max(0, Int(date.timeIntervalSince(dayStart) / 3_600))) }

        let devices = try await store.devices(pointID: nil)
        let incidents = try await store.incidents(IncidentFilter(open: true))
        let reports = try await store.queueReports(from: dayStart, to: now.addingTimeInterval(1))
        let counts = try await store.counts(from: dayStart, to: now.addingTimeInterval(1))
        let devicesByPoint = Dictionary(grouping: devices, by: \.pointID)
        let incidentsByPoint = Dictionary(grouping: incidents, by: \.pointID)
        let reportsByHall = Dictionary(grouping: reports, by: \.hallID)
        func tally(_ devices: [Device]?) -> [DeviceStatus: Int] { Dictionary(grouping: devices ?? [], by: \.live.status).mapValues(\.count) }

        var alerts: [Dashboard.Alert] = []
        var halls: [Dashboard.Hall] = []
        var machines: [Dashboard.Machine] = []
        for point in points.sorted(by: { ($0.grade?.rawValue ?? "Z", $0.id) < ($1.grade?.rawValue ?? "Z", $1.id) }) {
            switch point.kind {
            case .hall, .bankBranch:
                let report = queues.report(for: point.id)
                let estimate = waits.estimate(for: point, report: queues.queue(for: point.id), at: now, walkSeconds: 0)
                let fresh = estimate.source == .queue || estimate.source == .noCounterOpen
                let today = (reportsByHall[point.id] ?? []).sorted { $0.reportedAt < $1.reportedAt }
                var served = [Int](repeating: 0, count: 24)
                var previous: [PaymentService: Int] = [:]
                var handling: [Double] = []
                for report in today {
                    for (service, queue) in report.services {
                        handling.append(queue.handlingSeconds)
                        guard let count = queue.servedToday else { continue }
                        served[hour(report.reportedAt)] += max(0, count - (previous[service] ?? 0))
                        previous[service] = max(previous[service] ?? 0, count)
                    }
                }
                let hall = Dashboard.Hall(point: point, waiting: report?.services.values.reduce(0) { $0 + $1.waiting } ?? 0,
                                          openCounters: report?.services.values.reduce(0) { $0 + $1.openCounters } ?? 0,
                                          waitSeconds: fresh && estimate.seconds.isFinite ? estimate.seconds : nil, reportedAt: report?.reportedAt,
                                          fresh: fresh, servedByHour: served,
                                          meanHandlingSeconds: handling.isEmpty ? nil : handling.reduce(0, +) / Double(handling.count),
                                          devices: tally(devicesByPoint[point.id]), openIncidents: incidentsByPoint[point.id]?.count ?? 0)
                if let wait = hall.waitSeconds, wait > thresholds.waitSeconds {
                    alerts.append(Dashboard.Alert(kind: .longWait, pointID: point.id, since: report?.reportedAt ?? now,
                                                  message: "wait \(Int(wait / 60)) min at \(point.name)"))
                }
                if let report, !fresh, point.isOpen(at: now) != false {
                    alerts.append(Dashboard.Alert(kind: .staleReport, pointID: point.id, since: report.reportedAt,
                                                  message: "no queue report from \(point.name) for \(Int(now.timeIntervalSince(report.reportedAt) / 60)) min"))
                }
                halls.append(hall)
            case .kiosk, .bankBooth:
                let transactions = counts.filter { $0.pointID == point.id && $0.counter == "transactions" }.reduce(0) { $0 + $1.increase }
                machines.append(Dashboard.Machine(point: point, devices: tally(devicesByPoint[point.id]), transactionsToday: transactions))
            case .agency:
                continue
            }
        }
        for device in devices where device.live.status == .offline || device.live.status == .fault {
            guard now.timeIntervalSince(device.live.since) > thresholds.deviceDownSeconds else { continue }
            let fault = device.live.status == .fault ? " (\(device.live.fault ?? Heartbeat.unnamedFault))" : ""
            alerts.append(Dashboard.Alert(kind: .deviceDown, pointID: device.pointID, deviceID: device.id, since: device.live.since,
                                          message: "\(device.id) \(device.live.status.rawValue)\(fault) for \(Int(now.timeIntervalSince(device.live.since) / 60)) min"))
        }
        var selfService = [Int](repeating: 0, count: 24)
        for count in counts where count.counter == "transactions" { selfService[hour(count.hourStart)] += count.increase }
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return Dashboard(at: now, day: day, halls: halls, machines: machines, devices: tally(devices), openIncidents: incidents,
                         alerts: alerts.sorted { ($0.since, $0.pointID) < ($1.since, $1.pointID) }, selfServiceByHour: selfService)
    }
}
