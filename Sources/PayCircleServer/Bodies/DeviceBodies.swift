import Foundation
import PayCircleCore
import PayCircleEngine

/// `POST /v1/devices` and `PUT /v1/devices/{id}`: `{"id", "point_id", "kind", "model", "serial",
/// "installed_on", "power_schedule"}`, strings all, the last four optional; validated as a CSV row is
/// (``DeviceRecord``).
struct DeviceBody: Decodable {
    let record: DeviceRecord

    init(from decoder: any Decoder) throws {
        let members = try decoder.members(else: "expected an object")
        var fields: [String: String] = [:]
        for name in DeviceRecord.fieldNames {
            fields[name] = try members.optional(String.self, BodyKey(name), else: "expected a string")
        }
        if let unknown = members.allKeys.first(where: { !DeviceRecord.fieldNames.contains($0.stringValue) }) {
            throw InputError("unknown member (expected \(DeviceRecord.fieldNames.joined(separator: ", ")))", field: unknown.stringValue)
        }
        record = DeviceRecord(fields)
    }
}

/// `POST /v1/devices/{id}/heartbeat`: `{"status": "ok" | "fault", "fault": "paper_out", "counters":
/// {"transactions": 1234}, "acks": ["cmd_…"]}`; only `status` is needed.
struct HeartbeatBody: Decodable {
    let heartbeat: Heartbeat

    init(from decoder: any Decoder) throws {
        let members = try decoder.members(else: "expected an object")
        let health = try members.required(oneOf: Heartbeat.Health.self, BodyKey("status"))
        let fault = try members.optional(String.self, BodyKey("fault"), else: "expected a fault code such as paper_out")
        if let fault {
            try SingleLineText.check(fault, field: "fault")
            guard fault.count <= 100 else { throw InputError("expected at most 100 characters", field: "fault") }
        }
        let counters = try members.optional([String: Double].self, BodyKey("counters"), else: "expected an object of whole numbers, e.g. {\"transactions\": 1234}") ?? [:]
        guard counters.count <= 50 else { throw InputError("expected at most 50 counters", field: "counters") }
        var whole: [String: Int] = [:]
        for (name, value) in counters {
            guard value == value.rounded(), let count = Int(exactly: value), count >= 0 else {
                throw InputError("expected a whole number of at least 0", field: "counters.\(name)")
            }
            whole[name] = count
        }
        let acks = try members.optional([String].self, BodyKey("acks"), else: "expected an array of command ids") ?? []
        guard acks.count <= 100 else { throw InputError("expected at most 100 command ids", field: "acks") }
        heartbeat = Heartbeat(health: health, fault: health == .fault ? fault : nil, counters: whole, acknowledged: acks)
    }
}

/// `POST /v1/devices/{id}/commands`: `{"action": "restart" | "power_off" | "power_on" | "maintenance_on" | "maintenance_off"}`.
struct CommandBody: Decodable {
    let action: DeviceAction

    init(from decoder: any Decoder) throws {
        action = try decoder.members(else: "expected an object").required(oneOf: DeviceAction.self, BodyKey("action"))
    }
}

/// `PUT /v1/devices/{id}/schedule`: `{"power": "Mo-Su 06:00-23:00"}`, or `{"power": null}` for always on.
struct ScheduleBody: Decodable {
    let power: String?

    init(from decoder: any Decoder) throws {
        let members = try decoder.members(else: "expected an object")
        guard members.contains(BodyKey("power")) else { throw InputError("is required (null for always on)", field: "power") }
        power = try members.optional(String.self, BodyKey("power"), else: "expected opening-hours syntax such as Mo-Su 06:00-23:00, or null")
    }
}
