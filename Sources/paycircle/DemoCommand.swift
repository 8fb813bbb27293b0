import ArgumentParser
import Foundation
import PayCircleCore
import PayCircleEngine
import PayCircleSimulation

/// `paycircle demo`: adds demo halls and kiosks around the store's city (marked `source: demo`) and runs
/// their queue machines and terminals against a running service through its public API, with tokens of
/// their own, so that a new user sees the dashboard, hall screens, tickets and `by=time` at work.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Add demo halls and kiosks to the city (source: demo) and run their machines through the API of a running service.",
        discussion: """
            Three halls (grades A-C, open round the clock) with queue machines and six kiosks with terminals are \
            placed around the middle of the store's points. Their machines follow the hall-day model of \
            PayCircleBench hallday: walk-ins and remote tickets, calls, queue reports every 30 s, heartbeats, a \
            fault now and then. Earlier demo tokens are revoked; new ones are made in the store.
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "The running service.") var url = "http://127.0.0.1:8080"
    @Option(help: "Simulated seconds per second.") var speed = 1.0
    @Option(help: "Seed of the simulated customers and machines.") var seed: UInt64 = 1
    @Option(help: "Stop after this many seconds (default: run until stopped).") var duration: Double?

    func validate() throws {
        guard speed.isFinite, (0.1...3_600).contains(speed) else { throw ValidationError("--speed takes 0.1 to 3600 simulated seconds per second") }
        guard URL(string: url)?.host != nil else { throw ValidationError("--url needs an address such as http://127.0.0.1:8080") }
    }

    func run() async throws {
        let opened = try await store.openStore()
        let points = try await opened.loadPoints().filter { $0.source != DemoCity.source }
        guard !points.isEmpty else { throw ValidationError("the store has no points to place the demo among: import a city first") }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let centre = Coordinate(latitude: median(points.map(\.location.latitude)), longitude: median(points.map(\.location.longitude)))
        let zone = PaymentPoint.commonTimeZone(of: points)
        let city = DemoCity(centre: centre, timeZone: zone)

        let tokens = AccessTokens(store: opened)
        for old in try await tokens.all() where old.name.hasPrefix("demo ") && old.revokedAt == nil { _ = try await tokens.revoke(id: old.id) }
        let admin = try await tokens.create(name: "demo control room", role: .admin, points: nil).secret
        var operators: [String: String] = [:], devices: [String: String] = [:]
        for hall in city.points where hall.kind == .hall {
            operators[hall.id] = try await tokens.create(name: "demo queue machine \(hall.id)", role: .operator, points: [hall.id]).secret
        }
        for device in city.devices.compactMap({ $0["id"] }) {
            devices[device] = try await tokens.create(name: "demo device \(device)", role: .device, points: [device]).secret
        }
        guard let base = URL(string: url) else { throw ValidationError("--url is not an address") }
        let client = DemoAPIClient(base: base, operators: operators, devices: devices)
        try await waitForService(client)
        for point in city.points {
            let (status, answer) = try await client.send("PUT", "/v1/points/\(point.id)", token: admin, json: Data(PointJSON(point).jsonBytes))
            guard (200..<300).contains(status) else { throw DemoFailure("PUT /v1/points/\(point.id) answered \(status): \(answer)") }
        }
        for device in city.devices {
            try await client.expect("PUT", "/v1/devices/\(device["id"] ?? "")", token: admin, json: device)
        }
        try await client.expect("PUT", "/v1/halls/demo-hall-1/appointment-settings", token: admin,
                                json: ["slot_minutes": 30, "capacity": ["cash": 4], "fit_to_forecast": true])
        print("Demo: \(city.points.filter { $0.kind == .hall }.count) halls and \(city.points.filter { $0.kind == .kiosk }.count) kiosks around "
              + String(format: "%.5f, %.5f", centre.latitude, centre.longitude) + " (\(zone)); watch \(url)/dashboard. Stop with Ctrl-C.")

        var (halls, kiosks) = city.machines(start: Date(), seed: seed)
        let start = Date()
        while duration.map({ Date().timeIntervalSince(start) < $0 }) ?? true {
            let now = start.addingTimeInterval(Date().timeIntervalSince(start) * speed)
            do {
                for index in halls.indices { try await halls[index].advance(to: now, through: client) }
                for index in kiosks.indices { try await kiosks[index].advance(to: now, through: client) }
            } catch {
                print("demo: \(error) (going on)")
            }
            try await Task.sleep(for: .seconds(1))
        }
        let served = halls.map(\.servedToday).reduce(0, +), tickets = halls.map(\.ticketsTaken).reduce(0, +)
        print("Demo stopped: \(served) served at the halls, \(tickets) remote tickets, \(kiosks.map(\.transactions).reduce(0, +)) kiosk transactions.")
    }

    /// Waits up to a minute for the service to answer `/healthz`.
    private func waitForService(_ client: DemoAPIClient) async throws {
        for _ in 0..<120 {
            if let (status, _) = try? await client.send("GET", "/healthz", token: nil), status == 200 { return }
            try await Task.sleep(for: .milliseconds(500))
        }
        throw DemoFailure("no service answered at \(url)/healthz within a minute")
    }
}
