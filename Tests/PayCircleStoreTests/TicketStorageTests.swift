import Foundation
import Synchronization
import PayCircleCore
import PayCircleStore
import PayCircleTestSupport
import Testing

/// The ticket repository in either store: counts per hall and service, the hall's active tickets handed to
/// the issuer, holder and key digests kept, cancelling only what waits, and unique numbers under
/// concurrent issuers.
@Suite struct TicketStorageTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_000_000)

    /// Issues a ticket whose `ahead` is the waiting tickets of its service among the active ones handed
    /// over; answers it and the number of active tickets (every service) the issuer saw.
    static func issue(_ store: any TicketRepository, hall: String, service: PaymentService = .cash, at offset: Double) async throws -> (QueueTicket, Int) {
        let seen = Mutex(0)
        let ticket = try await store.issueTicket(hallID: hall, service: service, since: .distantPast) { issued, active, _ in
            seen.withLock { $0 = active.count }
            let sequence = issued + 1
            let waiting = active.filter { $0.service == service && $0.status == .waiting }
            return QueueTicket(id: "\(hall)-\(service.rawValue)-\(sequence)", hallID: hall, service: service, number: QueueTicket.number(service: service, sequence: sequence),
                               issuedAt: Self.t0.addingTimeInterval(offset), ahead: waiting.count, rate: 1.0 / 60,
                               holderDigest: String(repeating: "a", count: 63) + String(sequence % 10), keyDigest: String(repeating: "b", count: 64))
        }
        return (ticket, seen.withLock { $0 })
    }

    @Test(arguments: TestStore.Kind.available) func numbersPerHallHandTheWaitingListAndCancelOnlyWhatWaits(kind: TestStore.Kind) async throws {
        let test = try await TestStore(kind)
        defer { test.remove() }
        let store = test.store
        let (first, _) = try await Self.issue(store, hall: "南城", at: 0)
        let (second, _) = try await Self.issue(store, hall: "南城", at: 1)
        let (business, activeBeforeBusiness) = try await Self.issue(store, hall: "南城", service: .business, at: 2)
        let (elsewhere, activeElsewhere) = try await Self.issue(store, hall: "东城", at: 3)
        #expect([first.number, second.number, elsewhere.number] == ["C001", "C002", "C001"])
        #expect(business.number == "B001")
        #expect([first.ahead, second.ahead, business.ahead] == [Int]([0, 1, 0]))
        // The issuer sees the hall's active tickets of every service, and no other hall's.
        #expect(activeBeforeBusiness == 2 && activeElsewhere == 0)
        #expect(try await store.ticket(id: second.id) == second)
        #expect(try await store.ticket(id: second.id)?.holderDigest == String(repeating: "a", count: 63) + "2")
        #expect(try await store.ticket(id: "missing") == nil)

        #expect(try await store.cancelTicket(id: first.id))
        #expect(try await store.cancelTicket(id: first.id) == false)
        #expect(try await store.ticket(id: first.id)?.status == .cancelled)
        // A cancelled ticket holds no place: the next one has only the second ahead of it.
        // A called one is still active (handed to the issuer) but waits no more.
        _ = try await store.moveTicket(hallID: "南城", service: .cash, number: "C002", from: .waiting, to: .called, at: Self.t0.addingTimeInterval(4))
        let (fourth, activeBeforeFourth) = try await Self.issue(store, hall: "南城", at: 5)
        #expect(fourth.ahead == 0 && activeBeforeFourth == 2)
        #expect(try await test.reopen().ticket(id: business.id) == business)
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
        #expect(issued.map(\.0.ahead).sorted() == Array(0..<40))
    }
}
