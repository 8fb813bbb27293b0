import Foundation
import PayCircleCore
import PayCircleStore

extension PayCircleEngine {
    /// The devices of `pointID` (every device when nil), for staff tokens.
    public func devices(pointID: String?, by credentials: Credentials) async throws -> [Device] {
        _ = try authorize(credentials, for: .readOperations)
        return try await store.devices(pointID: pointID)
    }

    public func device(id: String, by credentials: Credentials) async throws -> Device {
        _ = try authorize(credentials, for: .readOperations)
        return try await existingDevice(id)
    }

    /// Adds a device to the ledger (409 `exists` when the id is taken), or with `replacing` creates or
    /// replaces one, keeping what it last reported and how the control room set it. Answers the device
    /// and whether it replaced one.
    @discardableResult
    public func saveDevice(_ record: DeviceRecord, replacing: Bool, by credentials: Credentials) async throws -> (device: Device, replaced: Bool) {
        _ = try authorize(credentials, for: .editDevices)
        var device: Device
        do { device = try record.device(since: clock.now) } catch { throw EngineError.invalid(error) }
        try checkPoint(of: device)
        let existing = try await store.device(id: device.id)
        if let existing {
            guard replacing else {
                throw EngineError(.conflict, code: "exists", "a device with id '\(device.id)' exists; PUT /v1/devices/{id} replaces it", field: "id")
            }
            device.maintenance = existing.maintenance
            device.powered = existing.powered
            device.powerSchedule = device.powerSchedule ?? existing.powerSchedule
            device.live = existing.live
        }
        try await store.saveDevices([device])
        try await refreshDeviceStates(for: Set([device.pointID, existing?.pointID].compactMap { $0 }))
        return (device, existing != nil)
    }

    /// Adds or replaces every device of a CSV ledger (``DeviceRecord/devices(csv:source:since:)``) in one
    /// transaction: all or nothing (400 `invalid_file` naming the line and field of the first problem).
    /// Answers how many were new and how many replaced.
    public func importDevices(csv text: String, source: String, by credentials: Credentials) async throws -> (added: Int, replaced: Int) {
        _ = try authorize(credentials, for: .editDevices)
        var devices: [Device]
        do { devices = try DeviceRecord.devices(csv: text, source: source, since: clock.now) } catch {
            throw EngineError(.invalid, code: "invalid_file", error.description, field: error.field)
        }
        let existing = Dictionary(uniqueKeysWithValues: try await store.devices(pointID: nil).map { ($0.id, $0) })
        for index in devices.indices {
            guard registry.point(id: devices[index].pointID) != nil else {
                throw EngineError.invalid(InputError("no payment point with id '\(devices[index].pointID)' (device '\(devices[index].id)')",
                                                     field: "point_id", source: source))
            }
            if let old = existing[devices[index].id] {
                devices[index].maintenance = old.maintenance
                devices[index].powered = old.powered
                devices[index].powerSchedule = devices[index].powerSchedule ?? old.powerSchedule
                devices[index].live = old.live
            }
        }
        try await store.saveDevices(devices)
        try await refreshDeviceStates(for: Set(devices.map(\.pointID)))
        let replaced = devices.filter { existing[$0.id] != nil }.count
        return (devices.count - replaced, replaced)
    }

    public func deleteDevice(id: String, by credentials: Credentials) async throws {
        _ = try authorize(credentials, for: .editDevices)
        let device = try await existingDevice(id)
        guard try await store.deleteDevice(id: id) else { throw EngineError.notFound("no device with id '\(id)'") }
        try await refreshDeviceStates(for: [device.pointID])
    }

    /// Sets when a terminal is meant to be powered (nil: always), for admins or operators of its point:
    /// outside it the device is `off`, as expected, and its point not open.
    public func setPowerSchedule(deviceID: String, schedule: String?, by credentials: Credentials) async throws -> Device {
        var device = try await existingDevice(deviceID)
        _ = try authorize(credentials, for: .reportState(pointID: device.pointID))
        do { device.powerSchedule = try DeviceRecord.schedule(schedule) } catch { throw EngineError.invalid(error) }
        try await store.saveDevices([device])
        try await refreshDeviceStates(for: [device.pointID])
        return try await existingDevice(deviceID)
    }

    /// Incidents that match `filter`, for staff tokens.
    public func incidents(_ filter: IncidentFilter, by credentials: Credentials) async throws -> [DeviceIncident] {
        _ = try authorize(credentials, for: .readOperations)
        return try await store.incidents(filter)
    }

    /// A device's availability on each local day from `from` to `to` (`YYYY-MM-DD`, at most 92 days), for
    /// staff tokens.
    public func availability(deviceID: String, from: String, to: String, by credentials: Credentials) async throws -> [DeviceAvailability] {
        _ = try authorize(credentials, for: .readOperations)
        let device = try await existingDevice(deviceID)
        guard let point = registry.point(id: device.pointID) else { throw EngineError.notFound("device '\(deviceID)' belongs to no known point") }
        guard let first = point.startOfLocalDay(from) else { throw EngineError.invalid(InputError("expected a date such as 2026-12-01", field: "from")) }
        guard let last = point.startOfLocalDay(to) else { throw EngineError.invalid(InputError("expected a date such as 2026-12-01", field: "to")) }
        let days = Int((last.timeIntervalSince(first) / 86_400).rounded()) + 1
        guard (1...92).contains(days) else { throw EngineError.invalid(InputError("expected from one to 92 days, from `from` to `to`", field: "to")) }
        let incidents = try await store.incidents(IncidentFilter(deviceID: deviceID, from: first, to: last.addingTimeInterval(86_400)))
        let now = clock.now
        return (0..<days).compactMap { offset in
            let date = point.localDay(of: first.addingTimeInterval(Double(offset) * 86_400 + 43_200))
            return DeviceAvailability(device: device, date: date, incidents: incidents, point: point, now: now)
        }
    }

    func existingDevice(_ id: String) async throws -> Device {
        guard let device = try await store.device(id: id) else { throw EngineError.notFound("no device with id '\(id)'") }
        return device
    }

    /// 400 unless the device's point is in the registry.
    private func checkPoint(of device: Device) throws(EngineError) {
        guard registry.point(id: device.pointID) != nil else {
            throw EngineError.invalid(InputError("no payment point with id '\(device.pointID)'", field: "point_id"))
        }
    }
}
