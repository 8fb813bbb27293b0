import Foundation
import PayCircleCore
import PayCircleEngine
import PayCircleStore
import PayCircleTestSupport
import Testing

/// The engine's rules on either store, with a manual clock: who may write what, what has a queue, and
/// how the time moves a hall's state — a morning of a hall run in milliseconds.
@Suite struct EngineRulesTests {
    /// 2026-11-30 09:00 in Dongguan (UTC+8).
    static let morning = Date(timeIntervalSince1970: 1_796_000_400)

    static let hall = PaymentPoint(id: "hall-1", name: "南城营业厅", kind: .hall, grade: .a, services: [.cash, .business],
                                   openingHours: OpeningHours("24/7"), updatedAt: morning, location: Coordinate(latitude: 23.02, longitude: 113.75))
    static let kiosk = PaymentPoint(id: "kiosk-1", name: "自助缴费终端", kind: .kiosk, services: [.card], openingHours: OpeningHours("24/7"),
                                    updatedAt: morning, location: Coordinate(latitude: 23.021, longitude: 113.751))

    static func engine(_ test: TestStore, clock: ManualClock, ticketRules: TicketRules = TicketRules()) async throws -> PayCircleEngine {
        try await test.store.write(PointChange(upserts: [hall, kiosk]))
        return try await PayCircleEngine.open(test.store, ticketRules: ticketRules, clock: clock)
    }

    static func token(_ role: AccessRole, points: Set<String>? = nil) -> AccessToken {
        AccessToken(id: "tok_\(role.rawValue)", name: role.rawValue, role: role, points: points, createdAt: morning)
    }

    @Test func whoMayWriteWhat() async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        let engine = try await Self.engine(test, clock: ManualClock(Self.morning))
        func refusal(_ credentials: Credentials, _ action: WriteAction) -> EngineError? {
            do { _ = try engine.authorize(credentials, for: action); return nil } catch { return error }
        }
        #expect(refusal(.none, .editPoints)?.kind == .unauthorized)
        #expect(refusal(.invalid, .plan)?.kind == .unauthorized)
        #expect(refusal(.valid(Self.token(.admin)), .editPoints) == nil)
        #expect(refusal(.valid(Self.token(.operator)), .editPoints)?.kind == .forbidden)
        #expect(refusal(.valid(Self.token(.operator, points: ["hall-1"])), .reportState(pointID: "hall-1")) == nil)
        let scoped = refusal(.valid(Self.token(.operator, points: ["hall-1"])), .reportState(pointID: "kiosk-1"))
        #expect(scoped?.kind == .forbidden && scoped?.field == "id")
        #expect(refusal(.valid(Self.token(.partner)), .reportState(pointID: "hall-1"))?.kind == .forbidden)
        #expect(refusal(.valid(Self.token(.planner)), .plan) == nil)
        #expect(refusal(.valid(Self.token(.operator)), .plan)?.kind == .forbidden)
    }

    @Test func onlyHallsAndBranchesHaveQueues() async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        let engine = try await Self.engine(test, clock: ManualClock(Self.morning))
        #expect(try engine.hall("hall-1").id == "hall-1")
        #expect(throws: EngineError.self) { try engine.hall("kiosk-1") }
        #expect(throws: EngineError.self) { try engine.hall("missing") }
        #expect(PointKind.allCases.filter(\.hasQueueMachine) == [.hall, .bankBranch])
    }

    /// A report at 09:00 lets tickets be taken until it is five minutes old; at 09:06 the same request is
    /// refused, and a status written then is dated 09:06: no test waits for any of it.
    @Test(arguments: TestStore.Kind.available) func aHallsMorningOnAManualClock(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let clock = ManualClock(Self.morning)
        let engine = try await Self.engine(test, clock: clock)
        let report = QueueReport(hallID: "hall-1", reportedAt: clock.now, services: [.cash: ServiceQueue(waiting: 4, openCounters: 2, handlingSeconds: 120)])
        #expect(try await engine.record(report) == report)

        clock.advance(by: 240)
        let first = try await engine.issueTicket(hallID: "hall-1", service: .cash, customer: "app-user-1", from: nil)
        #expect(first.ticket.number == "C001" && first.ticket.ahead == 4)
        #expect(first.ticket.issuedAt == Self.morning.addingTimeInterval(240))
        let second = try await engine.issueTicket(hallID: "hall-1", service: .cash, customer: "app-user-2", from: nil)
        #expect(second.ticket.number == "C002" && second.ticket.ahead == 5)

        clock.advance(by: 120)
        let stale = await #expect(throws: EngineError.self) { try await engine.issueTicket(hallID: "hall-1", service: .cash, customer: "app-user-3", from: nil) }
        #expect(stale?.kind == .conflict && stale?.code == "no_queue")

        let written = try await engine.setStatus(of: "kiosk-1", to: .fault, by: Self.token(.admin))
        #expect(written.updatedAt == Self.morning.addingTimeInterval(360))
        #expect(try await test.store.point(id: "kiosk-1")?.status == .fault)
        #expect(try await test.store.auditLog(limit: 1).first?.at == Self.morning.addingTimeInterval(360))
    }

    @Test func pointWritesRefuseWhatDoesNotFit() async throws {
        let test = try await TestStore(.spatiaLite)
        defer { test.remove() }
        let engine = try await Self.engine(test, clock: ManualClock(Self.morning))
        let exists = await #expect(throws: EngineError.self) { try await engine.createPoint(Self.kiosk, by: Self.token(.admin)) }
        #expect(exists?.kind == .conflict && exists?.code == "exists")
        let missing = await #expect(throws: EngineError.self) { try await engine.deletePoint(id: "missing", by: Self.token(.admin)) }
        #expect(missing?.kind == .notFound)
        #expect(try await engine.replacePoint(Self.kiosk, by: Self.token(.admin)))
        try await engine.deletePoint(id: "kiosk-1", by: Self.token(.admin))
        #expect(engine.registry.point(id: "kiosk-1") == nil)
    }
}
