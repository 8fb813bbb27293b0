import Foundation
import PayCircleCore
import PayCircleStore

extension PayCircleEngine {
    /// The token the engine writes point statuses with when devices decide them (the audit's actor).
    static let deviceMonitor = AccessToken(id: "device-monitor", name: "device monitor", role: .admin, createdAt: Date(timeIntervalSince1970: 0))

    /// Takes a device's heartbeat (its device token, or an admin's): carries out the commands it
    /// acknowledges, records what it reports, settles its state (an incident begins or ends when the state
    /// changes, and its point opens or closes with it) and answers the device with the commands it has not
    /// acknowledged yet, now delivered.
    public func heartbeat(deviceID: String, _ beat: Heartbeat, by credentials: Credentials) async throws -> (device: Device, commands: [DeviceCommand]) {
        _ = try authorize(credentials, for: .beat(deviceID: deviceID))
        let now = clock.now
        var device = try await existingDevice(deviceID)
        let carriedOut = try await store.acknowledgeCommands(deviceID: deviceID, ids: beat.acknowledged, at: now)
        if !carriedOut.isEmpty {
            for command in carriedOut { device.carryOut(command.action) }
            try await store.saveDevices([device])
        }
        let increases = Self.increases(from: device.live, to: beat.counters)
        if !increases.isEmpty {
            let hourStart = Date(timeIntervalSince1970: floor(now.timeIntervalSince1970 / 3_600) * 3_600)
            try await store.addCounts(deviceID: deviceID, pointID: device.pointID, hourStart: hourStart, increases: increases)
        }
        device = try await settle(device, at: now) { live in
            live.lastBeatAt = now
            live.fault = beat.health == .fault ? (beat.fault ?? Heartbeat.unnamedFault) : nil
            live.counters = beat.counters
        }
        return (device, try await store.deliverCommands(deviceID: deviceID, at: now))
    }

    /// What each counter rose by since the last beat: the difference, or the whole new value when it went
    /// down (the device restarted its count); nothing before the device's first beat, nor for zero.
    static func increases(from last: DeviceLive, to counters: [String: Int]) -> [String: Int] {
        guard last.lastBeatAt != nil else { return [:] }
        return Dictionary(uniqueKeysWithValues: counters.compactMap { name, value -> (String, Int)? in
            let before = last.counters[name] ?? 0
            let increase = value >= before ? value - before : value
            return increase > 0 ? (name, increase) : nil
        })
    }

    /// Queues `action` for a device (admins, or operators of its point), delivered in its next heartbeat's answer.
    public func queueCommand(deviceID: String, action: DeviceAction, by credentials: Credentials) async throws -> DeviceCommand {
        let device = try await existingDevice(deviceID)
        let token = try authorize(credentials, for: .reportState(pointID: device.pointID))
        let command = DeviceCommand(id: DeviceRow.newID("cmd"), deviceID: device.id, action: action, queuedAt: clock.now, queuedBy: token.id)
        try await store.queueCommand(command)
        return command
    }

    /// Settles every device whose state time has changed (silent past the heartbeat timeout, its power
    /// schedule starting or ending); answers how many changed. Run every second or so by the service.
    @discardableResult
    public func sweepDevices() async throws -> Int {
        let now = clock.now
        var changed = 0
        for device in try await store.devices(pointID: nil) where status(of: device, at: now) != device.live.status {
            _ = try await settle(device, at: now) { _ in }
            changed += 1
        }
        return changed
    }

    /// Settles the devices of these points and opens or closes the points by them.
    func refreshDeviceStates(for pointIDs: Set<String>) async throws {
        let now = clock.now
        for pointID in pointIDs.sorted() {
            for device in try await store.devices(pointID: pointID) where status(of: device, at: now) != device.live.status {
                _ = try await settle(device, at: now) { _ in }
            }
            try await refreshPoint(pointID)
        }
    }

    /// The state `device` is in at `date` by the rules of this instance.
    func status(of device: Device, at date: Date) -> DeviceStatus {
        device.status(at: date, heartbeatTimeout: deviceRules.heartbeatTimeout,
                      timeZone: registry.point(id: device.pointID)?.timeZone ?? PaymentPoint.defaultTimeZone)
    }

    /// Writes `report` into the device's last report and its state at `now`, compare-and-set against the
    /// stored state (another instance may settle it first: then it is read again and settled once more);
    /// when the state changes, its point is refreshed. An offline spell is dated from when the timeout ran out.
    private func settle(_ device: Device, at now: Date, report: (inout DeviceLive) -> Void) async throws -> Device {
        var device = device
        for _ in 0..<4 {
            var live = device.live
            report(&live)
            var reported = device
            reported.live = live
            let status = status(of: reported, at: now)
            if status != device.live.status {
                live.status = status
                live.since = status == .offline ? min(now, (live.lastBeatAt ?? now).addingTimeInterval(deviceRules.heartbeatTimeout)) : now
            }
            if try await store.updateLive(deviceID: device.id, expected: device.live.status, live: live) {
                let changed = status != device.live.status
                device.live = live
                if changed { try await refreshPoint(device.pointID) }
                return device
            }
            device = try await existingDevice(device.id)
        }
        throw EngineError(.conflict, code: "busy", "device '\(device.id)' kept changing while its state was written; try again")
    }

    /// Opens or closes a kiosk or booth by its devices (``PointDevices``); a point an admin closed stays closed.
    private func refreshPoint(_ pointID: String) async throws {
        guard let point = registry.point(id: pointID) else { return }
        let statuses = try await store.devices(pointID: pointID).map(\.live.status)
        guard let verdict = PointDevices.status(of: point.kind, devices: statuses), point.status != .closed, point.status != verdict else { return }
        _ = try await setStatus(of: pointID, to: verdict, by: Self.deviceMonitor)
    }
}
