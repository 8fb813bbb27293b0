import Foundation
import PayCircleCore
import PayCircleStore
import PostgresNIO

extension PostGISStore {
    public func saveDevices(_ devices: [Device]) async throws {
        try await database.transaction { transaction in
            for device in devices {
                try await transaction.query("""
                    INSERT INTO devices (\(unescaped: DeviceRow.columns))
                    VALUES (\(device.id), \(device.pointID), \(device.kind.rawValue), \(device.model), \(device.serial), \(device.installedOn),
                            \(device.powerSchedule?.text), \(device.maintenance), \(device.powered), \(device.live.status.rawValue),
                            \(device.live.since.timeIntervalSince1970), \(device.live.lastBeatAt?.timeIntervalSince1970), \(device.live.fault),
                            \(DeviceRow.countersJSON(device.live.counters)))
                    ON CONFLICT (id) DO UPDATE SET point_id = excluded.point_id, kind = excluded.kind, model = excluded.model,
                        serial = excluded.serial, installed_on = excluded.installed_on, power_schedule = excluded.power_schedule,
                        maintenance = excluded.maintenance, powered = excluded.powered
                    """)
            }
        }
    }

    public func deleteDevice(id: String) async throws -> Bool {
        try await database.transaction { transaction in
            try await transaction.query("DELETE FROM device_commands WHERE device_id = \(id)")
            return !(try await transaction.query("DELETE FROM devices WHERE id = \(id) RETURNING id")).isEmpty
        }
    }

    public func device(id: String) async throws -> Device? {
        try await database.map("SELECT \(unescaped: DeviceRow.columns) FROM devices WHERE id = \(id)", Self.device).first
    }

    public func devices(pointID: String?) async throws -> [Device] {
        if let pointID {
            return try await database.map("SELECT \(unescaped: DeviceRow.columns) FROM devices WHERE point_id = \(pointID) ORDER BY id", Self.device)
        }
        return try await database.map("SELECT \(unescaped: DeviceRow.columns) FROM devices ORDER BY id", Self.device)
    }

    public func updateLive(deviceID: String, expected: DeviceStatus, live: DeviceLive) async throws -> Bool {
        try await database.transaction { transaction in
            let since = live.since.timeIntervalSince1970
            let updated = try await transaction.query("""
                UPDATE devices SET status = \(live.status.rawValue), status_since = \(since), last_beat_at = \(live.lastBeatAt?.timeIntervalSince1970),
                    fault = \(live.fault), counters = \(DeviceRow.countersJSON(live.counters))
                WHERE id = \(deviceID) AND status = \(expected.rawValue) RETURNING id
                """)
            guard !updated.isEmpty else { return false }
            guard live.status != expected else { return true }
            try await transaction.query("UPDATE device_incidents SET ended_at = \(since) WHERE device_id = \(deviceID) AND ended_at IS NULL")
            if live.status.isIncident {
                try await transaction.query("""
                    INSERT INTO device_incidents (\(unescaped: DeviceRow.incidentColumns))
                    SELECT \(DeviceRow.newID("inc")), id, point_id, \(live.status.rawValue), \(live.fault), \(since), NULL FROM devices WHERE id = \(deviceID)
                    """)
            }
            return true
        }
    }

    public func incidents(_ filter: IncidentFilter) async throws -> [DeviceIncident] {
        let (conditions, values) = DeviceRow.incidentConditions(filter) { "$\($0 + 1)" }
        var bindings = PostgresBindings()
        for value in values {
            switch value {
            case .text(let text): bindings.append(text)
            case .real(let number): bindings.append(number)
            }
        }
        let sql = "SELECT \(DeviceRow.incidentColumns) FROM device_incidents WHERE \(conditions) ORDER BY started_at, device_id, id"
        return try await database.map(PostgresQuery(unsafeSQL: sql, binds: bindings)) { row in
            let (id, device, point, status, detail, start, end) = try row.decode((String, String, String, String, String?, Double, Double?).self)
            return try DeviceRow.incident(id: id, deviceID: device, pointID: point, status: status, detail: detail, start: start, end: end)
        }
    }

    public func queueCommand(_ command: DeviceCommand) async throws {
        try await database.query("""
            INSERT INTO device_commands (\(unescaped: DeviceRow.commandColumns))
            VALUES (\(command.id), \(command.deviceID), \(command.action.rawValue), \(command.queuedAt.timeIntervalSince1970), \(command.queuedBy), NULL, NULL)
            """)
    }

    public func deliverCommands(deviceID: String, at: Date) async throws -> [DeviceCommand] {
        try await database.transaction { transaction in
            try await transaction.query("""
                UPDATE device_commands SET delivered_at = \(at.timeIntervalSince1970) WHERE device_id = \(deviceID) AND delivered_at IS NULL
                """)
            return try await transaction.query("""
                SELECT \(unescaped: DeviceRow.commandColumns) FROM device_commands
                WHERE device_id = \(deviceID) AND acknowledged_at IS NULL ORDER BY queued_at, id
                """).map(Self.command)
        }
    }

    public func acknowledgeCommands(deviceID: String, ids: [String], at: Date) async throws -> [DeviceCommand] {
        guard !ids.isEmpty else { return [] }
        return try await database.query("""
            UPDATE device_commands SET acknowledged_at = \(at.timeIntervalSince1970)
            WHERE device_id = \(deviceID) AND delivered_at IS NOT NULL AND acknowledged_at IS NULL AND id = ANY(\(ids))
            RETURNING \(unescaped: DeviceRow.commandColumns)
            """).map(Self.command).sorted { ($0.queuedAt, $0.id) < ($1.queuedAt, $1.id) }
    }

    public func addCounts(deviceID: String, pointID: String, hourStart: Date, increases: [String: Int]) async throws {
        try await database.transaction { transaction in
            for (counter, increase) in increases.sorted(by: { $0.key < $1.key }) {
                try await transaction.query("""
                    INSERT INTO device_counts (key, device_id, point_id, hour_start, counter, increase)
                    VALUES (\(DeviceRow.countKey(deviceID: deviceID, hourStart: hourStart, counter: counter)), \(deviceID), \(pointID),
                            \(hourStart.timeIntervalSince1970), \(counter), \(increase))
                    ON CONFLICT (key) DO UPDATE SET increase = device_counts.increase + excluded.increase
                    """)
            }
        }
    }

    public func counts(from: Date, to: Date) async throws -> [DeviceCount] {
        try await database.map("""
            SELECT point_id, hour_start, counter, sum(increase)::bigint FROM device_counts
            WHERE hour_start >= \(from.timeIntervalSince1970) AND hour_start < \(to.timeIntervalSince1970)
            GROUP BY point_id, hour_start, counter ORDER BY hour_start, point_id, counter
            """) { row in
            let (point, hour, counter, increase) = try row.decode((String, Double, String, Int).self)
            return DeviceCount(pointID: point, hourStart: Date(timeIntervalSince1970: hour), counter: counter, increase: increase)
        }
    }

    private static func device(_ row: PostgresRow) throws -> Device {
        let (id, point, kind, model, serial, installed, schedule, maintenance, powered, status, since, lastBeat, fault, counters) =
            try row.decode((String, String, String, String?, String?, String?, String?, Bool, Bool, String, Double, Double?, String?, String).self)
        return try DeviceRow.device(id: id, pointID: point, kind: kind, model: model, serial: serial, installedOn: installed, powerSchedule: schedule,
                                    maintenance: maintenance, powered: powered, status: status, since: since, lastBeatAt: lastBeat, fault: fault,
                                    counters: counters)
    }

    private static func command(_ row: PostgresRow) throws -> DeviceCommand {
        let (id, device, action, queuedAt, queuedBy, deliveredAt, acknowledgedAt) = try row.decode((String, String, String, Double, String, Double?, Double?).self)
        return try DeviceRow.command(id: id, deviceID: device, action: action, queuedAt: queuedAt, queuedBy: queuedBy, deliveredAt: deliveredAt,
                                     acknowledgedAt: acknowledgedAt)
    }
}
