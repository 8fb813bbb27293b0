import Foundation
import PayCircleCore

/// The demo's halls and kiosks around a city's centre, all marked `source: demo`: three halls (grades A
/// to C, open round the clock so that the demo works at any hour) each with a queue machine, and six
/// 24-hour kiosks each with a terminal; and the simulated machines that run them.
///
/// ```swift
/// let city = DemoCity(centre: Coordinate(latitude: 60.17, longitude: 24.94), timeZone: "Europe/Helsinki")
/// city.points.count    // 9
/// ```
public struct DemoCity: Sendable {
    public static let source = "demo"
    public let points: [PaymentPoint]
    /// Ledger entries (``DeviceRecord`` fields) of the machines.
    public let devices: [[String: String]]

    public init(centre: Coordinate, timeZone: String, now: Date = Date()) {
        let plane = LocalPlane(origin: centre)
        func at(_ east: Double, _ north: Double) -> Coordinate { plane.unproject(x: east, y: north) }
        let halls: [(String, HallGrade, Double, Double)] = [("中心营业厅 Central hall", .a, 0, 0), ("北区营业厅 North hall", .b, 300, 1_400),
                                                            ("西区营业厅 West hall", .c, -1_500, -300)]
        var points: [PaymentPoint] = []
        var devices: [[String: String]] = []
        for (index, (name, grade, east, north)) in halls.enumerated() {
            let id = "demo-hall-\(index + 1)"
            points.append(PaymentPoint(id: id, name: name, kind: .hall, grade: grade, services: [.cash, .card, .invoice], openingHours: OpeningHours("24/7"),
                                       timeZone: timeZone, source: Self.source, updatedAt: now, location: at(east, north)))
            devices.append(["id": "\(id)-q", "point_id": id, "kind": DeviceKind.queueMachine.rawValue, "model": "QM-8", "serial": "DEMO-Q\(index + 1)"])
        }
        for index in 0..<6 {
            let angle = Double(index) * .pi / 3
            let id = "demo-kiosk-\(index + 1)"
            points.append(PaymentPoint(id: id, name: "自助缴费终端 Kiosk \(index + 1)", kind: .kiosk, services: [.card, .qr], openingHours: OpeningHours("24/7"),
                                       timeZone: timeZone, source: Self.source, updatedAt: now, location: at(900 * cos(angle), 900 * sin(angle))))
            devices.append(["id": "\(id)-a", "point_id": id, "kind": DeviceKind.kiosk.rawValue, "model": "ZK-200", "serial": "DEMO-K\(index + 1)"])
        }
        self.points = points
        self.devices = devices
    }

    /// The simulated machines of the city from `start`: a ``LiveHall`` per hall (the hall-day model at
    /// 1, 2 and 3 counters by grade, demand scaled to match) and a ``LiveKiosk`` per terminal.
    public func machines(start: Date, seed: UInt64) -> (halls: [LiveHall], kiosks: [LiveKiosk]) {
        let halls = points.filter { $0.kind == .hall }.enumerated().map { index, hall in
            var settings = HallDay.Settings()
            settings.seed = seed &+ UInt64(index)
            settings.counters = 3 - index
            let scale = Double(settings.counters) / 4
            settings.profile.base *= scale
            settings.profile.morningPeak.extra *= scale
            settings.profile.afternoonPeak.extra *= scale
            return LiveHall(hall: hall, machineID: "\(hall.id)-q", settings: settings, start: start)
        }
        let kiosks = devices.filter { $0["kind"] == DeviceKind.kiosk.rawValue }.enumerated().map { index, device in
            LiveKiosk(deviceID: device["id"] ?? "", seed: seed &+ 100 &+ UInt64(index), start: start)
        }
        return (halls, kiosks)
    }
}
