import Foundation
import PayCircleCore
import PayCircleStore

extension SpatiaLiteStore {
    public func saveDevices(_ devices: [Device]) async throws {
        try await pool.write { connection in
            try connection.transaction {
                let statement = try connection.prepare("""
                    INSERT INTO devices (\(DeviceColumn.list)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET point_id = excluded.point_id, kind = excluded.kind, model = excluded.model,
                        serial = excluded.serial, installed_on = excluded.installed_on, power_schedule = excluded.power_schedule,
                        maintenance = excluded.maintenance, powered = excluded.powered
                    """)
                for device in devices {
                    func optional(_ text: String?) -> SQLiteStatement.Value { text.map { .text($0) } ?? .null }
                    try statement.run([
                        .text(device.id), .text(device.pointID), .text(device.kind.rawValue), optional(device.model), optional(device.serial),
                        optional(device.installedOn), optional(device.powerSchedule?.text), .integer(device.maintenance ? 1 : 0),
                        .integer(device.powered ? 1 : 0), .text(device.live.status.rawValue), .real(device.live.since.timeIntervalSince1970),
                        device.live.lastBeatAt.map { .real($0.timeIntervalSince1970) } ?? .null, optional(device.live.fault),
                        .text(DeviceRow.countersJSON(device.live.counters)),
                    ])
                }
            }
        }
    }

    public func deleteDevice(id: String) async throws -> Bool {
        try await pool.write { connection in
            try connection.transaction {
                try connection.prepare("DELETE FROM device_commands WHERE device_id = ?").run([.text(id)])
                let delete = try connection.prepare("DELETE FROM devices WHERE id = ?")
                try delete.run([.text(id)])
                return connection.changes > 0
            }
        }
    }

    public func device(id: String) async throws -> Device? {
        try await pool.read { connection in try Self.devices(where: "id = ?", [.text(id)], connection).first }
    }

    public func devices(pointID: String?) async throws -> [Device] {
        try await pool.read { connection in
            try pointID.map { try Self.devices(where: "point_id = ?", [.text($0)], connection) } ?? Self.devices(where: "TRUE", [], connection)
        }
    }

    public func updateLive(deviceID: String, expected: DeviceStatus, live: DeviceLive) async throws -> Bool {
        try await pool.write { connection in
            try connection.transaction {
                let update = try connection.prepare("""
                    UPDATE devices SET status = ?, status_since = ?, last_beat_at = ?, fault = ?, counters = ? WHERE id = ? AND status = ?
                    """)
                try update.run([.text(live.status.rawValue), .real(live.since.timeIntervalSince1970),
                                live.lastBeatAt.map { .real($0.timeIntervalSince1970) } ?? .null, live.fault.map { .text($0) } ?? .null,
                                .text(DeviceRow.countersJSON(live.counters)), .text(deviceID), .text(expected.rawValue)])
                guard connection.changes > 0 else { return false }
                guard live.status != expected else { return true }
                try connection.prepare("UPDATE device_incidents SET ended_at = ? WHERE device_id = ? AND ended_at IS NULL")
                    .run([.real(live.since.timeIntervalSince1970), .text(deviceID)])
                if live.status.isIncident {
                    try connection.prepare("""
                        INSERT INTO device_incidents (\(IncidentColumn.list)) SELECT ?, id, point_id, ?, ?, ?, NULL FROM devices WHERE id = ?
                        """).run([.text(DeviceRow.newID("inc")), .text(live.status.rawValue), live.fault.map { .text($0) } ?? .null,
                                  .real(live.since.timeIntervalSince1970), .text(deviceID)])
                }
                return true
            }
        }
    }

    public func incidents(_ filter: IncidentFilter) async throws -> [DeviceIncident] {
        try await pool.read { connection in
            let (conditions, values) = DeviceRow.incidentConditions(filter) { _ in "?" }
            let statement = try connection.prepare("SELECT \(IncidentColumn.list) FROM device_incidents WHERE \(conditions) ORDER BY started_at, device_id, id")
            statement.bind(values.map { switch $0 { case .text(let text): .text(text); case .real(let number): .real(number) } })
            var incidents: [DeviceIncident] = []
            while try statement.step() {
                incidents.append(try DeviceRow.incident(
                    id: statement.text(IncidentColumn.id) ?? "", deviceID: statement.text(IncidentColumn.deviceID) ?? "",
                    pointID: statement.text(IncidentColumn.pointID) ?? "", status: statement.text(IncidentColumn.status) ?? "",
                    detail: statement.text(IncidentColumn.detail), start: statement.double(IncidentColumn.start),
                    end: statement.optionalDouble(IncidentColumn.end)))
            }
            return incidents
        }
    }

    public func queueCommand(_ command: DeviceCommand) async throws {
        try await pool.write { connection in
            try connection.prepare("INSERT INTO device_commands (\(CommandColumn.list)) VALUES (?, ?, ?, ?, ?, NULL, NULL)")
                .run([.text(command.id), .text(command.deviceID), .text(command.action.rawValue), .real(command.queuedAt.timeIntervalSince1970),
                      .text(command.queuedBy)])
        }
    }

    public func deliverCommands(deviceID: String, at: Date) async throws -> [DeviceCommand] {
        try await pool.write { connection in
            try connection.transaction {
                try connection.prepare("UPDATE device_commands SET delivered_at = ? WHERE device_id = ? AND delivered_at IS NULL")
                    .run([.real(at.timeIntervalSince1970), .text(deviceID)])
                return try Self.commands(where: "device_id = ? AND acknowledged_at IS NULL", [.text(deviceID)], connection)
            }
        }
    }

    public func acknowledgeCommands(deviceID: String, ids: [String], at: Date) async throws -> [DeviceCommand] {
        guard !ids.isEmpty else { return [] }
        return try await pool.write { connection in
            try connection.transaction {
                let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
                let pending = "device_id = ? AND delivered_at IS NOT NULL AND acknowledged_at IS NULL AND id IN (\(marks))"
                let values: [SQLiteStatement.Value] = [.text(deviceID)] + ids.map { .text($0) }
                let acknowledged = try Self.commands(where: pending, values, connection)
                try connection.prepare("UPDATE device_commands SET acknowledged_at = ? WHERE \(pending)").run([.real(at.timeIntervalSince1970)] + values)
                return acknowledged.map { var command = $0; command.acknowledgedAt = at; return command }
            }
        }
    }

    public func addCounts(deviceID: String, pointID: String, hourStart: Date, increases: [String: Int]) async throws {
        try await pool.write { connection in
            try connection.transaction {
                let statement = try connection.prepare("""
                    INSERT INTO device_counts (key, device_id, point_id, hour_start, counter, increase) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET increase = device_counts.increase + excluded.increase
                    """)
                for (counter, increase) in increases.sorted(by: { $0.key < $1.key }) {
                    try statement.run([.text(DeviceRow.countKey(deviceID: deviceID, hourStart: hourStart, counter: counter)), .text(deviceID), .text(pointID),
                                       .real(hourStart.timeIntervalSince1970), .text(counter), .integer(Int64(increase))])
                }
            }
        }
    }

    public func counts(from: Date, to: Date) async throws -> [DeviceCount] {
        try await pool.read { connection in
            let statement = try connection.prepare("""
                SELECT point_id, hour_start, counter, sum(increase) FROM device_counts WHERE hour_start >= ? AND hour_start < ?
                GROUP BY point_id, hour_start, counter ORDER BY hour_start, point_id, counter
                """)
            statement.bind([.real(from.timeIntervalSince1970), .real(to.timeIntervalSince1970)])
            var counts: [DeviceCount] = []
            while try statement.step() {
                counts.append(DeviceCount(pointID: statement.text(0) ?? "", hourStart: Date(timeIntervalSince1970: statement.double(1)),
                                          counter: statement.text(2) ?? "", increase: Int(statement.int(3))))
            }
            return counts
        }
    }

    private static func devices(where condition: String, _ values: [SQLiteStatement.Value], _ connection: SQLiteConnection) throws -> [Device] {
        let statement = try connection.prepare("SELECT \(DeviceColumn.list) FROM devices WHERE \(condition) ORDER BY id")
        statement.bind(values)
        var devices: [Device] = []
        while try statement.step() {
            devices.append(try DeviceRow.device(
                id: statement.text(DeviceColumn.id) ?? "", pointID: statement.text(DeviceColumn.pointID) ?? "", kind: statement.text(DeviceColumn.kind) ?? "",
                model: statement.text(DeviceColumn.model), serial: statement.text(DeviceColumn.serial), installedOn: statement.text(DeviceColumn.installedOn),
                powerSchedule: statement.text(DeviceColumn.powerSchedule), maintenance: statement.int(DeviceColumn.maintenance) != 0,
                powered: statement.int(DeviceColumn.powered) != 0, status: statement.text(DeviceColumn.status) ?? "",
                since: statement.double(DeviceColumn.since), lastBeatAt: statement.optionalDouble(DeviceColumn.lastBeatAt),
                fault: statement.text(DeviceColumn.fault), counters: statement.text(DeviceColumn.counters) ?? "{}"))
        }
        return devices
    }

    private static func commands(where condition: String, _ values: [SQLiteStatement.Value], _ connection: SQLiteConnection) throws -> [DeviceCommand] {
        let statement = try connection.prepare("SELECT \(CommandColumn.list) FROM device_commands WHERE \(condition) ORDER BY queued_at, id")
        statement.bind(values)
        var commands: [DeviceCommand] = []
        while try statement.step() {
            commands.append(try DeviceRow.command(
                id: statement.text(CommandColumn.id) ?? "", deviceID: statement.text(CommandColumn.deviceID) ?? "",
                action: statement.text(CommandColumn.action) ?? "", queuedAt: statement.double(CommandColumn.queuedAt),
                queuedBy: statement.text(CommandColumn.queuedBy) ?? "", deliveredAt: statement.optionalDouble(CommandColumn.deliveredAt),
                acknowledgedAt: statement.optionalDouble(CommandColumn.acknowledgedAt)))
        }
        return commands
    }

    /// The columns a device is read from (``DeviceRow/columns``).
    private enum DeviceColumn: Int32, SelectedColumn {
        case id, pointID, kind, model, serial, installedOn, powerSchedule, maintenance, powered, status, since, lastBeatAt, fault, counters

        var sql: String {
            switch self {
            case .pointID: "point_id"
            case .installedOn: "installed_on"
            case .powerSchedule: "power_schedule"
            case .since: "status_since"
            case .lastBeatAt: "last_beat_at"
            default: "\(self)"
            }
        }
    }

    /// The columns an incident is read from (``DeviceRow/incidentColumns``).
    private enum IncidentColumn: Int32, SelectedColumn {
        case id, deviceID, pointID, status, detail, start, end

        var sql: String {
            switch self {
            case .deviceID: "device_id"
            case .pointID: "point_id"
            case .start: "started_at"
            case .end: "ended_at"
            default: "\(self)"
            }
        }
    }

    /// The columns a command is read from (``DeviceRow/commandColumns``).
    private enum CommandColumn: Int32, SelectedColumn {
        case id, deviceID, action, queuedAt, queuedBy, deliveredAt, acknowledgedAt

        var sql: String {
            switch self {
            case .deviceID: "device_id"
            case .queuedAt: "queued_at"
            case .queuedBy: "queued_by"
            case .deliveredAt: "delivered_at"
            case .acknowledgedAt: "acknowledged_at"
            default: "\(self)"
            }
        }
    }
}
