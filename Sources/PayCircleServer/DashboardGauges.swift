import PayCircleCore
import PayCircleEngine
import Prometheus

/// The dashboard as Prometheus gauges, set at each scrape of `/metrics`, so that Grafana shows what the
/// control room sees: per hall `paycircle_hall_waiting`, `paycircle_hall_open_counters`,
/// `paycircle_hall_served_today` and `paycircle_hall_wait_seconds` (halls with a fresh report),
/// `paycircle_devices{status}`, `paycircle_open_incidents` and `paycircle_alerts`.
enum DashboardGauges {
    static func set(from dashboard: Dashboard, in registry: PrometheusCollectorRegistry) {
        func gauge(_ name: String, _ help: String, _ labels: [(String, String)] = []) -> Gauge {
            registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "paycircle", metricName: name, helpText: help), labels: labels)
        }
        for hall in dashboard.halls {
            let labels = [("hall", hall.point.id)]
            gauge("hall_waiting", "People waiting at a hall's counters", labels).set(Double(hall.waiting))
            gauge("hall_open_counters", "A hall's open counters", labels).set(Double(hall.openCounters))
            gauge("hall_served_today", "Numbers a hall's counters called today", labels).set(Double(hall.servedToday))
            if let wait = hall.waitSeconds { gauge("hall_wait_seconds", "A walk-in's wait now at a hall with a fresh report", labels).set(wait) }
        }
        for status in DeviceStatus.allCases {
            gauge("devices", "Devices by status", [("status", status.rawValue)]).set(Double(dashboard.devices[status] ?? 0))
        }
        gauge("open_incidents", "Device incidents not yet ended").set(Double(dashboard.openIncidents.count))
        gauge("alerts", "Alerts on the dashboard").set(Double(dashboard.alerts.count))
    }
}
