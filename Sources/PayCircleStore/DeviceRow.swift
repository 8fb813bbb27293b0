import Foundation
import PayCircleCore

/// The columns of the device tables in both stores, in SELECT order, and their values read back.
package enum DeviceRow {
    package static let columns = "id, point_id, kind, model, serial, installed_on, power_schedule, maintenance, powered, status, status_since, last_beat_at, fault, counters"
    package static let incidentColumns = "id, device_id, point_id, status, detail, started_at, ended_at"
    package static let commandColumns = "id, device_id, action, queued_at, queued_by, delivered_at, acknowledged_at"

    /// A device from its columns, in ``columns`` order.
    package static func device(id: String, pointID: String, kind: String, model: String?, serial: String?, installedOn: String?, powerSchedule: String?,
                               maintenance: Bool, powered: Bool, status: String, since: Double, lastBeatAt: Double?, fault: String?,
                               counters: String) throws -> Device {
        guard let kind = DeviceKind(rawValue: kind), let status = DeviceStatus(rawValue: status) else {
            throw StoreError("device '\(id)' has an unknown kind or status")
        }
        var device = Device(id: id, pointID: pointID, kind: kind, model: model, serial: serial, installedOn: installedOn,
                            powerSchedule: powerSchedule.map(OpeningHours.init), maintenance: maintenance, powered: powered,
                            since: Date(timeIntervalSince1970: since))
        device.live = DeviceLive(status: status, since: Date(timeIntervalSince1970: since), lastBeatAt: lastBeatAt.map(Date.init(timeIntervalSince1970:)),
                                 fault: fault, counters: (try? JSONDecoder().decode([String: Int].self, from: Data(counters.utf8))) ?? [:])
        return device
    }

    package static func incident(id: String, deviceID: String, pointID: String, status: String, detail: String?, start: Double, end: Double?) throws -> DeviceIncident {
        guard let status = DeviceStatus(rawValue: status) else { throw StoreError("incident '\(id)' has an unknown status") }
        return DeviceIncident(id: id, deviceID: deviceID, pointID: pointID, status: status, detail: detail, start: Date(timeIntervalSince1970: start),
                              end: end.map(Date.init(timeIntervalSince1970:)))
    }

    package static func command(id: String, deviceID: String, action: String, queuedAt: Double, queuedBy: String, deliveredAt: Double?,
                                acknowledgedAt: Double?) throws -> DeviceCommand {
        guard let action = DeviceAction(rawValue: action) else { throw StoreError("command '\(id)' has an unknown action") }
        return DeviceCommand(id: id, deviceID: deviceID, action: action, queuedAt: Date(timeIntervalSince1970: queuedAt), queuedBy: queuedBy,
                             deliveredAt: deliveredAt.map(Date.init(timeIntervalSince1970:)), acknowledgedAt: acknowledgedAt.map(Date.init(timeIntervalSince1970:)))
    }

    /// The counters as stored: a JSON object with sorted keys.
    package static func countersJSON(_ counters: [String: Int]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(counters)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// The key of a device's count of one counter in one hour.
    package static func countKey(deviceID: String, hourStart: Date, counter: String) -> String {
        "\(Int(hourStart.timeIntervalSince1970))|\(counter)|\(deviceID)"
    }

    /// A new id with `prefix` (`inc`, `cmd`).
    package static func newID(_ prefix: String) -> String {
        prefix + "_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    }

    /// The WHERE clause of an incident filter, with `placeholder(n)` for the n-th bound value (from 0), and
    /// the values to bind in order.
    package static func incidentConditions(_ filter: IncidentFilter, placeholder: (Int) -> String) -> (sql: String, values: [IncidentValue]) {
        var conditions: [String] = [], values: [IncidentValue] = []
        func bind(_ value: IncidentValue) -> String { values.append(value); return placeholder(values.count - 1) }
        if let open = filter.open { conditions.append(open ? "ended_at IS NULL" : "ended_at IS NOT NULL") }
        if let point = filter.pointID { conditions.append("point_id = " + bind(.text(point))) }
        if let device = filter.deviceID { conditions.append("device_id = " + bind(.text(device))) }
        if let from = filter.from { conditions.append("(ended_at IS NULL OR ended_at > " + bind(.real(from.timeIntervalSince1970)) + ")") }
        if let to = filter.to { conditions.append("started_at < " + bind(.real(to.timeIntervalSince1970))) }
        return (conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND "), values)
    }

    /// A value bound into an incident filter.
    package enum IncidentValue: Sendable {
        case text(String), real(Double)
    }
}
