import Foundation
import PayCircleCore
import PayCircleEngine

/// The control room's picture (``Dashboard``) as `GET /v1/dashboard` and its event stream write it:
/// `{"at", "day", "totals", "halls", "machines", "incidents", "alerts", "themes"}`; hours are local hours
/// 0-23 of `day`.
struct DashboardJSON: JSONWritable {
    let dashboard: Dashboard

    func write(to json: inout JSONWriter) {
        let dashboard = dashboard
        json.object { json in
            json.field("at", dashboard.at)
            json.field("day", dashboard.day)
            json.key("totals")
            json.object { json in
                json.field("halls", dashboard.halls.count)
                json.field("waiting", dashboard.halls.reduce(0) { $0 + $1.waiting })
                json.field("accepted_today", dashboard.acceptedToday)
                json.key("devices")
                Self.write(dashboard.devices, to: &json)
                json.field("open_incidents", dashboard.openIncidents.count)
                json.field("alerts", dashboard.alerts.count)
            }
            json.key("halls")
            json.array { json in
                for hall in dashboard.halls {
                    json.object { json in
                        Self.writePoint(hall.point, at: dashboard.at, to: &json)
                        json.nullableField("grade", hall.point.grade?.rawValue)
                        json.field("waiting", hall.waiting)
                        json.field("open_counters", hall.openCounters)
                        json.nullableField("wait_s", hall.waitSeconds.map { $0.rounded() })
                        json.nullableField("reported_at", hall.reportedAt)
                        json.field("fresh", hall.fresh)
                        json.field("served_today", hall.servedToday)
                        json.key("served_by_hour")
                        json.array { json in for count in hall.servedByHour { json.number(count) } }
                        json.nullableField("mean_handling_s", hall.meanHandlingSeconds.map { $0.rounded() })
                        json.key("devices")
                        Self.write(hall.devices, to: &json)
                        json.field("open_incidents", hall.openIncidents)
                    }
                }
            }
            json.key("machines")
            json.array { json in
                for machine in dashboard.machines {
                    json.object { json in
                        Self.writePoint(machine.point, at: dashboard.at, to: &json)
                        json.key("devices")
                        Self.write(machine.devices, to: &json)
                        json.field("transactions_today", machine.transactionsToday)
                    }
                }
            }
            json.key("incidents")
            json.array { json in
                for incident in dashboard.openIncidents {
                    json.object { json in
                        json.field("id", incident.id)
                        json.field("device_id", incident.deviceID)
                        json.field("point_id", incident.pointID)
                        json.field("status", incident.status.rawValue)
                        json.nullableField("detail", incident.detail)
                        json.field("start", incident.start)
                    }
                }
            }
            json.key("alerts")
            json.array { json in
                for alert in dashboard.alerts {
                    json.object { json in
                        json.field("kind", alert.kind.rawValue)
                        json.field("point_id", alert.pointID)
                        json.nullableField("device_id", alert.deviceID)
                        json.field("since", alert.since)
                        json.field("message", alert.message)
                    }
                }
            }
            json.key("themes")
            json.object { json in
                json.field("accepted_today", dashboard.acceptedToday)
                json.key("counter_by_hour")
                json.array { json in for count in dashboard.counterByHour { json.number(count) } }
                json.key("handling_today")
                json.array { json in
                    for hall in dashboard.halls {
                        json.object { json in
                            json.field("hall_id", hall.point.id)
                            json.field("name", hall.point.name)
                            json.nullableField("mean_handling_s", hall.meanHandlingSeconds.map { $0.rounded() })
                        }
                    }
                }
                json.key("self_service_by_hour")
                json.array { json in for count in dashboard.selfServiceByHour { json.number(count) } }
            }
        }
    }

    /// `{"online": 3, "offline": 1, …}` with every status, zeros included.
    static func write(_ counts: [DeviceStatus: Int], to json: inout JSONWriter) {
        json.object { json in for status in DeviceStatus.allCases { json.key(escaping: status.rawValue); json.number(counts[status] ?? 0) } }
    }

    static func writePoint(_ point: PaymentPoint, at moment: Date, to json: inout JSONWriter) {
        json.field("id", point.id)
        json.field("name", point.name)
        json.field("kind", point.kind.rawValue)
        json.field("lat", point.location.latitude)
        json.field("lon", point.location.longitude)
        json.field("status", point.status.rawValue)
        json.field("open", point.isOpen(at: moment) == true)
    }
}
