import Foundation
import PayCircleCore
import PayCircleStore
import PayCircleTestSupport
import Testing

/// The ticket repository in either store: counts per hall and service, the waiting list handed to the issuer,
/// cancelling only what waits, and unique numbers under concurrent issuers.
@Suite struct TicketStorageTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_000_000)

    static func issue(_ store: any TicketRepository, hall: String, service: PaymentService = .cash, at offset: Double) async throws -> (QueueTicket, Int) {
        let seen = try await store.issueTicket(hallID: hall, service: service, since: .distantPast) { issued, waiting in
            let sequence = issued + 1
            return QueueTicket(id: "\(hall)-\(service.rawValue)-\(sequence)", hallID: hall, service: service, number: QueueTicket.number(service: service, sequence: sequence),
                               issuedAt: Self.t0.addingTimeInterval(offset), ahead: waiting.count, rate: 1.0 / 60)
        }
        return (seen, seen.ahead)
    }

    @Test(arguments: TestStore.Kind.available) func numbersPerHallHandTheWaitingListAndCancelOnlyWhatWaits(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let store = test.store
        let (first, aheadOfFirst) = try await Self.issue(store, hall: "南城", at: 0)
        let (second, aheadOfSecond) = try await Self.issue(store, hall: "南城", at: 1)
        let (business, aheadOfBusiness) = try await Self.issue(store, hall: "南城", service: .business, at: 2)
        let (elsewhere, _) = try await Self.issue(store, hall: "东城", at: 3)
        #expect([first.number, second.number, elsewhere.number] == ["C001", "C002", "C001"])
        #expect(business.number == "B001")
        #expect([aheadOfFirst, aheadOfSecond, aheadOfBusiness] == [Int]([0, 1, 0]))
        #expect(try await store.ticket(id: second.id) == second)
        #expect(try await store.ticket(id: "missing") == nil)

        #expect(try await store.cancelTicket(id: first.id))
        #expect(try await store.cancelTicket(id: first.id) == false)
        #expect(try await store.ticket(id: first.id)?.status == .cancelled)
        // A cancelled ticket holds no place: the next one has only the second ahead of it.
        let (_, aheadOfFourth) = try await Self.issue(store, hall: "南城", at: 4)
        #expect(aheadOfFourth == 1)
        #expect(try await test.reopen().ticket(id: second.id) == second)
    }

    /// Forty issuers at once on one hall get forty different numbers and places.
    @Test(arguments: TestStore.Kind.available) func concurrentIssuersGetDistinctNumbers(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let store = test.store
        let issued = try await withThrowingTaskGroup(of: (QueueTicket, Int).self) { group in
            for index in 0..<40 { group.addTask { try await Self.issue(store, hall: "hall-1", at: Double(index)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(issued.map(\.0.number)).count == 40)
        #expect(issued.map(\.1).sorted() == Array(0..<40))
    }
}
