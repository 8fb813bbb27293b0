import Foundation
import PayCircleCore
import PayCircleSimulation
import Synchronization
import Testing

/// The demo's machines against a recording endpoint, from 10:00 in Dongguan for one simulated hour: the
/// hall reports every 30 s with what it has served, calls and closes every remote ticket it took in
/// the order taken, and its queue machine beats with each report; a kiosk beats every 30 s (or is
/// silent for a spell), counts up, and acknowledges in each beat the commands the one before delivered.
@Suite struct DemoMachinesTests {
    final class Recorder: DemoEndpoint {
        let calls = Mutex<[String]>([])
        let reports = Mutex<[ServiceQueue]>([])
        let beats = Mutex<[(device: String, counters: [String: Int], acknowledged: [String])]>([])
        let tickets = Mutex(0)

        func issueTicket(hallID: String, service: PaymentService, customer: String) async throws -> String? {
            let number = tickets.withLock { $0 += 1; return $0 }
            return QueueTicket.number(service: service, sequence: number)
        }
        func call(hallID: String, service: PaymentService, number: String) async throws { calls.withLock { $0.append("call \(number)") } }
        func close(hallID: String, service: PaymentService, number: String, served: Bool) async throws {
            calls.withLock { $0.append("\(served ? "served" : "no_show") \(number)") }
        }
        func report(hallID: String, service: PaymentService, queue: ServiceQueue) async throws { reports.withLock { $0.append(queue) } }
        func heartbeat(deviceID: String, fault: String?, counters: [String: Int], acknowledged: [String]) async throws -> [String] {
            let count = beats.withLock { $0.append((deviceID, counters, acknowledged)); return $0.count }
            return ["cmd_\(count)"]
        }
    }

    static let ten = Date(timeIntervalSince1970: 1_796_090_400)   // 2026-12-01 10:00 in Dongguan

    @Test func anHourOfAHallAndAKiosk() async throws {
        let city = DemoCity(centre: Coordinate(latitude: 23.02, longitude: 113.75), timeZone: "Asia/Shanghai")
        #expect(city.points.count == 9 && city.points.allSatisfy { $0.source == "demo" } && city.devices.count == 9)
        var (halls, kiosks) = city.machines(start: Self.ten, seed: 7)
        let hallEndpoint = Recorder(), kioskEndpoint = Recorder()
        for minute in 1...60 {
            try await halls[0].advance(to: Self.ten.addingTimeInterval(Double(minute * 60)), through: hallEndpoint)
            try await kiosks[0].advance(to: Self.ten.addingTimeInterval(Double(minute * 60)), through: kioskEndpoint)
        }
        let reports = hallEndpoint.reports.withLock { $0 }
        #expect(reports.count == 121, "a report at 10:00 and every 30 s to 11:00")
        let served = reports.compactMap(\.servedToday)
        #expect(served == served.sorted() && (served.last ?? 0) > 20, "\(served.last ?? 0) served by 11:00")
        #expect(reports.allSatisfy { $0.openCounters == 3 })
        let calls = hallEndpoint.calls.withLock { $0 }
        let called = calls.filter { $0.hasPrefix("call ") }.map { String($0.dropFirst(5)) }
        #expect(called == called.sorted(), "remote tickets called in the order taken")
        #expect(calls.count == 2 * called.count && hallEndpoint.tickets.withLock { $0 } >= called.count)
        #expect(hallEndpoint.beats.withLock { $0 }.count == 121 && hallEndpoint.beats.withLock { $0 }.allSatisfy { $0.device == "demo-hall-1-q" })

        let beats = kioskEndpoint.beats.withLock { $0 }
        #expect((100...121).contains(beats.count), "a beat every 30 s but for a silent spell: \(beats.count)")
        let counts = beats.compactMap { $0.counters["transactions"] }
        #expect(counts == counts.sorted() && (counts.last ?? 0) > 0)
        #expect(zip(beats, beats.dropFirst()).enumerated().allSatisfy { index, pair in pair.1.acknowledged == ["cmd_\(index + 1)"] },
                "every beat acknowledges what the one before delivered")
    }
}
