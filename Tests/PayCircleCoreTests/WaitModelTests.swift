import Foundation
import PayCircleCore
import PayCircleTestSupport
import Testing
import PayCircleSimulation

/// Expected waits from queue reports: hand-computed cases, SciPy's numerical integration of the same
/// model as an independent reference, and the rules for stale reports and channels without queues.
@Suite struct WaitModelTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func hall(_ kind: PointKind = .hall) -> PaymentPoint {
        PaymentPoint(id: "h", name: "南城营业厅", kind: kind, location: Coordinate(latitude: 23, longitude: 113))
    }

    @Test func handComputedWaits() {
        // Nobody waiting: served on arrival.
        #expect(WaitModel.queueWait(ServiceQueue(waiting: 0, openCounters: 2, handlingSeconds: 120), walkSeconds: 0).seconds == 0)
        // One counter, nobody ahead but the customer needs the counter to free: k = 1, λ = 1/60 — an
        // exponential wait of mean 60 s; after a walk of 100 s, 60·e^(−100/60) = 11.3325 s remain on average.
        let one = ServiceQueue(waiting: 1, openCounters: 2, handlingSeconds: 120)   // k = 2, λ = 1/60
        #expect(abs(WaitModel.queueWait(one, walkSeconds: 0).seconds - 120) < 1e-9)   // k / λ
        let single = ServiceQueue(waiting: 1, openCounters: 1, handlingSeconds: 30)   // k = 2, λ = 1/30
        #expect(abs(WaitModel.queueWait(single, walkSeconds: 0).seconds - 60) < 1e-9)
        // 4 waiting, 2 counters of 120 s: k = 5, λ = 1/60, E[S] = 300 s; after a 300 s walk
        // 300·P(Poisson(5) ≤ 5) − 300·P(Poisson(5) ≤ 4) = 300·0.615961 − 300·0.440493 = 52.640 s.
        let busy = ServiceQueue(waiting: 4, openCounters: 2, handlingSeconds: 120)
        #expect(abs(WaitModel.queueWait(busy, walkSeconds: 0).seconds - 300) < 1e-9)
        #expect(abs(WaitModel.queueWait(busy, walkSeconds: 300).seconds - 52.640) < 1e-3)
        // A walk far longer than the queue leaves nothing to wait.
        #expect(WaitModel.queueWait(busy, walkSeconds: 5_000).seconds < 1e-6)
        // The band holds the mean and narrows to nothing as the walk outlasts the queue.
        let band = WaitModel.queueWait(busy, walkSeconds: 0)
        #expect(band.low < band.seconds && band.seconds < band.high)
        // No counter open: the hall cannot serve this service now.
        #expect(WaitModel.queueWait(ServiceQueue(waiting: 3, openCounters: 0, handlingSeconds: 60), walkSeconds: 0).source == .noCounterOpen)
    }

    @Test func agreesWithSciPyNumericalIntegration() throws {
        var generator = SeededGenerator(seed: 8)
        var cases: [(ServiceQueue, Double)] = []
        for _ in 0..<40 {
            cases.append((ServiceQueue(waiting: Int.random(in: 1...60, using: &generator), openCounters: Int.random(in: 1...8, using: &generator),
                                       handlingSeconds: Double(Int.random(in: 30...600, using: &generator))),
                          Double(Int.random(in: 0...1_800, using: &generator))))
        }
        let input = try JSONSerialization.data(withJSONObject: cases.map {
            ["waiting": $0.0.waiting, "counters": $0.0.openCounters, "handling_s": $0.0.handlingSeconds, "walk_s": $0.1]
        })
        let reference = try #require(try JSONSerialization.jsonObject(with: Reference.python("queue_wait.py", input: input)) as? [[String: Double]])
        for ((queue, walk), expected) in zip(cases, reference) {
            let estimate = WaitModel.queueWait(queue, walkSeconds: walk)
            #expect(abs(estimate.seconds - expected["mean"]!) < 1e-6 * max(1, expected["mean"]!), "\(queue) walk \(walk)")
            #expect(abs(estimate.low - expected["low"]!) < 1e-6 * max(1, expected["low"]!), "\(queue) walk \(walk)")
            #expect(abs(estimate.high - expected["high"]!) < 1e-6 * max(1, expected["high"]!), "\(queue) walk \(walk)")
        }
    }

    @Test func staleOrMissingReportsAreUnknownNeverEmpty() {
        let model = WaitModel()
        let empty = QueueReport(hallID: "h", reportedAt: Self.now.addingTimeInterval(-301), services: [.cash: ServiceQueue(waiting: 0, openCounters: 3, handlingSeconds: 90)])
        let stale = model.estimate(for: Self.hall(), report: empty, at: Self.now, walkSeconds: 0)
        #expect(stale.source == .assumed && stale.seconds == 600 && !stale.isKnown)
        var fresh = empty
        fresh.reportedAt = Self.now.addingTimeInterval(-299)
        #expect(model.estimate(for: Self.hall(), report: fresh, at: Self.now, walkSeconds: 0) == WaitEstimate(seconds: 0, low: 0, high: 0, source: .queue, service: .cash))
        #expect(model.estimate(for: Self.hall(), report: nil, at: Self.now, walkSeconds: 0).source == .assumed)
        // A report from the future (a machine's clock far ahead) is not trusted either.
        fresh.reportedAt = Self.now.addingTimeInterval(3_600)
        #expect(model.estimate(for: Self.hall(), report: fresh, at: Self.now, walkSeconds: 0).source == .assumed)
        var shorter = model
        shorter.maxReportAge = 60
        fresh.reportedAt = Self.now.addingTimeInterval(-120)
        #expect(shorter.estimate(for: Self.hall(), report: fresh, at: Self.now, walkSeconds: 0).source == .assumed)
    }

    @Test func theQuickestReportedServiceUnlessOneIsAsked() {
        let report = QueueReport(hallID: "h", reportedAt: Self.now, services: [
            .cash: ServiceQueue(waiting: 9, openCounters: 1, handlingSeconds: 120),       // 1,200 s
            .business: ServiceQueue(waiting: 1, openCounters: 1, handlingSeconds: 300),   // 600 s
        ])
        let model = WaitModel()
        let quickest = model.estimate(for: Self.hall(), report: report, at: Self.now, walkSeconds: 0)
        #expect(quickest.service == .business && abs(quickest.seconds - 600) < 1e-9)
        let cash = model.estimate(for: Self.hall(), report: report, at: Self.now, walkSeconds: 0, service: .cash)
        #expect(cash.service == .cash && abs(cash.seconds - 1_200) < 1e-9)
        // A service the hall did not report: unknown.
        #expect(model.estimate(for: Self.hall(), report: report, at: Self.now, walkSeconds: 0, service: .qr).source == .assumed)
    }

    @Test func channelsWithoutQueuesHaveTheirConfiguredWaits() {
        var model = WaitModel()
        model.selfServiceSeconds = 15
        for kind in [PointKind.kiosk, .bankBooth] {
            let wait = model.estimate(for: Self.hall(kind), report: nil, at: Self.now, walkSeconds: 0)
            #expect(wait.seconds == 15 && wait.isKnown && wait.source == .configured)
        }
        #expect(model.estimate(for: Self.hall(.agency), report: nil, at: Self.now, walkSeconds: 0).seconds == 120)
        #expect(WaitModel().estimate(for: Self.hall(.kiosk), report: nil, at: Self.now, walkSeconds: 0).seconds == 0)
        #expect(model.estimate(for: Self.hall(.bankBranch), report: nil, at: Self.now, walkSeconds: 0).source == .assumed)
    }
}
