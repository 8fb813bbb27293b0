import Foundation
import PayCircleCore

/// A device: `{"id", "point_id", "kind", "model", "serial", "installed_on", "power_schedule", "maintenance",
/// "powered", "status", "status_since", "last_beat_at", "fault", "counters"}`.
struct DeviceJSON: JSONWritable {
    let device: Device

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", device.id)
            json.field("point_id", device.pointID)
            json.field("kind", device.kind.rawValue)
            json.nullableField("model", device.model)
            json.nullableField("serial", device.serial)
            json.nullableField("installed_on", device.installedOn)
            json.nullableField("power_schedule", device.powerSchedule?.text)
            json.field("maintenance", device.maintenance)
            json.field("powered", device.powered)
            json.field("status", device.live.status.rawValue)
            json.field("status_since", device.live.since)
            json.nullableField("last_beat_at", device.live.lastBeatAt)
            json.nullableField("fault", device.live.fault)
            json.key("counters")
            json.object { json in
                for (name, count) in device.live.counters.sorted(by: { $0.key < $1.key }) { json.key(escaping: name); json.number(count) }
            }
        }
    }
}

/// `{"devices": [...]}`.
struct DeviceListJSON: JSONWritable {
    let devices: [Device]

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("devices")
            json.array { json in for device in devices { json.value(DeviceJSON(device: device)) } }
        }
    }
}

/// `{"incidents": [{"id", "device_id", "point_id", "status", "detail", "start", "end"}]}`; `end` is null
/// while an incident is open.
struct IncidentListJSON: JSONWritable {
    let incidents: [DeviceIncident]

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("incidents")
            json.array { json in
                for incident in incidents {
                    json.object { json in
                        json.field("id", incident.id)
                        json.field("device_id", incident.deviceID)
                        json.field("point_id", incident.pointID)
                        json.field("status", incident.status.rawValue)
                        json.nullableField("detail", incident.detail)
                        json.field("start", incident.start)
                        json.nullableField("end", incident.end)
                    }
                }
            }
        }
    }
}

/// A command: `{"id", "device_id", "action", "queued_at", "delivered_at", "acknowledged_at"}`.
struct CommandJSON: JSONWritable {
    let command: DeviceCommand

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", command.id)
            json.field("device_id", command.deviceID)
            json.field("action", command.action.rawValue)
            json.field("queued_at", command.queuedAt)
            json.nullableField("delivered_at", command.deliveredAt)
            json.nullableField("acknowledged_at", command.acknowledgedAt)
        }
    }
}

/// The answer to a heartbeat: `{"status", "commands": [{"id", "action"}]}`.
struct HeartbeatAnswerJSON: JSONWritable {
    let device: Device
    let commands: [DeviceCommand]

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("status", device.live.status.rawValue)
            json.key("commands")
            json.array { json in
                for command in commands {
                    json.object { json in
                        json.field("id", command.id)
                        json.field("action", command.action.rawValue)
                    }
                }
            }
        }
    }
}

/// `{"device_id", "days": [{"date", "expected_s", "down_s", "availability"}]}`; availability is null for a
/// day the device was not expected on.
struct AvailabilityJSON: JSONWritable {
    let deviceID: String
    let days: [DeviceAvailability]

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("device_id", deviceID)
            json.key("days")
            json.array { json in
                for day in days {
                    json.object { json in
                        json.field("date", day.date)
                        json.field("expected_s", day.expectedSeconds.rounded())
                        json.field("down_s", day.downSeconds.rounded())
                        json.nullableField("availability", day.share, places: 4)
                    }
                }
            }
        }
    }
}
