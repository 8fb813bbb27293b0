/// What a point's devices say of the point. Kiosks and bank booths are their machines: one whose monitored
/// devices are all down is not open (fault when any reported a fault, else offline), and open again
/// when one is up. Halls, branches and agencies are staffed: their devices say nothing of them.
///
/// ```swift
/// PointDevices.status(of: .kiosk, devices: [.offline, .fault])   // .fault
/// PointDevices.status(of: .kiosk, devices: [.unmonitored])       // nil: no monitored device
/// ```
public enum PointDevices {
    public static func status(of kind: PointKind, devices: [DeviceStatus]) -> PointStatus? {
        guard kind == .kiosk || kind == .bankBooth else { return nil }
        let monitored = devices.filter(\.isMonitored)
        guard !monitored.isEmpty else { return nil }
        if monitored.contains(where: \.isUp) { return .online }
        return monitored.contains(.fault) ? .fault : .offline
    }
}
