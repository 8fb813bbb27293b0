import Foundation
import PayCircleServer
import Synchronization
import Testing

/// The pieces that protect the public surface, each on hand-worked cases: client addresses and CIDR blocks,
/// whom `X-Forwarded-For` is believed from, token buckets (on a clock the test moves) and the heavy-work gate.
@Suite struct ProtectionUnitTests {
    @Test func addressesAndBlocksParseAndMatchAsWritten() throws {
        #expect(ClientAddress("203.0.113.7")?.bytes == [203, 0, 113, 7])
        #expect(ClientAddress(" [2001:db8::1] ")?.description == "2001:db8:0:0:0:0:0:1")
        #expect(ClientAddress("::ffff:198.51.100.4")?.limitKey == ClientAddress("198.51.100.4"))
        for bad in ["", "1.2.3", "1.2.3.256", "01234.1.1.1", "1.2.3.4.5", "abc", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "203.0.113.7 x"] {
            #expect(ClientAddress(bad) == nil, "\(bad)")
        }
        // One IPv6 host is usually given a /64: its addresses share one set of buckets.
        #expect(ClientAddress("2001:db8:1:2:aaaa::1")?.limitKey == ClientAddress("2001:db8:1:2:bbbb::9")?.limitKey)
        #expect(ClientAddress("2001:db8:1:3::1")?.limitKey != ClientAddress("2001:db8:1:2::1")?.limitKey)

        func address(_ text: String) throws -> ClientAddress { try #require(ClientAddress(text)) }
        let private10 = try #require(AddressBlock("10.0.0.0/8"))
        #expect(private10.contains(try address("10.255.3.4")))
        #expect(!private10.contains(try address("11.0.0.1")))
        let narrow = try #require(AddressBlock("192.168.1.128/25"))
        #expect(narrow.contains(try address("192.168.1.200")))
        #expect(!narrow.contains(try address("192.168.1.127")))
        let loopback6 = try #require(AddressBlock("::1"))
        #expect(loopback6.prefixLength == 128)
        #expect(loopback6.contains(try address("::1")))
        #expect(!loopback6.contains(try address("127.0.0.1")))
        #expect(AddressBlock("10.0.0.0/33") == nil && AddressBlock("10.0.0.0/") == nil && AddressBlock("x/8") == nil)
    }

    @Test func forwardedForIsBelievedOnlyFromTrustedProxies() throws {
        let proxies = TrustedProxies([try #require(AddressBlock("10.0.0.0/8")), try #require(AddressBlock("127.0.0.1"))])
        let proxy = ClientAddress("10.1.2.3"), stranger = ClientAddress("198.51.100.9")
        // A stranger cannot choose whom it is counted as.
        #expect(proxies.client(socket: stranger, forwardedFor: "203.0.113.1") == stranger)
        // Through the proxy: the right-most hop that is not a trusted proxy itself.
        #expect(proxies.client(socket: proxy, forwardedFor: "203.0.113.1") == ClientAddress("203.0.113.1"))
        #expect(proxies.client(socket: proxy, forwardedFor: "192.0.2.66, 203.0.113.1, 10.9.9.9") == ClientAddress("203.0.113.1"))
        #expect(proxies.client(socket: proxy, forwardedFor: nil) == proxy)
        // A malformed hop ends the walk at the last address that could be read.
        #expect(proxies.client(socket: proxy, forwardedFor: "203.0.113.1, garbage, 10.2.2.2") == ClientAddress("10.2.2.2"))
        // In-process requests have no client at all.
        #expect(proxies.client(socket: nil, forwardedFor: "203.0.113.1") == nil)
    }

    @Test func bucketsEmptyRefillAndSayWhenToComeBack() throws {
        let clock = Mutex(ContinuousClock.now)
        let limits = RateLimits(anonymous: [.heavy: .perMinute(6, burst: 3), .ticket: .perHour(6, burst: 1)],
                                authenticated: [.heavy: .perMinute(60, burst: 10)])
        let limiter = RateLimiter(limits: limits) { clock.withLock { $0 } }
        let alice = RateLimiter.Client.address(try #require(ClientAddress("203.0.113.1")))
        let bob = RateLimiter.Client.address(try #require(ClientAddress("203.0.113.2")))
        for _ in 0..<3 { #expect(limiter.admit(.heavy, client: alice) == .admitted) }
        // Empty: one request comes back every 10 s.
        #expect(limiter.admit(.heavy, client: alice) == .limited(retryAfter: 10))
        #expect(limiter.admit(.heavy, client: bob) == .admitted, "each client has its own bucket")
        #expect(limiter.admit(.light, client: alice) == .admitted, "a class without a limit is not limited")
        clock.withLock { $0 += .seconds(4) }
        #expect(limiter.admit(.heavy, client: alice) == .limited(retryAfter: 6))
        clock.withLock { $0 += .seconds(6) }
        #expect(limiter.admit(.heavy, client: alice) == .admitted)
        #expect(limiter.admit(.heavy, client: alice) == .limited(retryAfter: 10))
        // Tickets: one now, the next in ten minutes.
        #expect(limiter.admit(.ticket, client: bob) == .admitted)
        #expect(limiter.admit(.ticket, client: bob) == .limited(retryAfter: 600))
        // A token holder has the authenticated limits, counted by token.
        for _ in 0..<10 { #expect(limiter.admit(.heavy, client: .token("tok_app")) == .admitted) }
        #expect(limiter.admit(.heavy, client: .token("tok_app")) == .limited(retryAfter: 1))
    }

    @Test func bucketsThatFilledUpAgainAreForgottenWhenTheTableGrows() throws {
        let clock = Mutex(ContinuousClock.now)
        let limiter = RateLimiter(limits: RateLimits(anonymous: [.light: RateLimits.Limit(perSecond: 10, burst: 2)], authenticated: [:])) { clock.withLock { $0 } }
        // One request from each of 50,001 addresses: a table past its threshold, every bucket just used.
        for n in 0...50_000 {
            let address = try #require(ClientAddress("10.\(n >> 16).\((n >> 8) & 255).\(n & 255)"))
            #expect(limiter.admit(.light, client: .address(address)) == .admitted)
        }
        #expect(limiter.bucketCount > 50_000, "still refilling: kept")
        // A second later every one of them is full again, as if never seen: the next request drops them.
        clock.withLock { $0 += .seconds(1) }
        #expect(limiter.admit(.light, client: .address(try #require(ClientAddress("192.0.2.1")))) == .admitted)
        #expect(limiter.bucketCount == 1)
    }

    @Test func theGateRunsAtMostItsSlotsQueuesAFewAndTurnsTheRestAway() async throws {
        let gate = WorkGate(slots: 1, queueLimit: 1)
        #expect(await gate.enter())
        let waiter = Task { await gate.enter() }
        while gate.load.waiting == 0 { await Task.yield() }
        // The slot is taken and the queue is full: turned away at once.
        #expect(await gate.enter() == false)
        #expect(gate.load.running == 1 && gate.load.waiting == 1)
        gate.leave()
        #expect(await waiter.value, "the waiting request gets the slot")
        #expect(gate.load.running == 1 && gate.load.waiting == 0)
        gate.leave()
        #expect(gate.load.running == 0 && gate.load.waiting == 0)
    }
}
