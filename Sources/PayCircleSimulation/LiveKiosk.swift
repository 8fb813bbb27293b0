import Foundation

/// One demo terminal in real time: a heartbeat every `beatEvery` seconds with its transaction count
/// (Poisson at `transactionsPerHour`), a fault now and then (`paper_out` or `card_reader`, for 5 to 15
/// minutes) and, more rarely, a silence longer than the heartbeat timeout; it acknowledges in each beat the
/// commands the last one delivered.
public struct LiveKiosk: Sendable {
    public let deviceID: String
    public var beatEvery: TimeInterval = 30
    public var transactionsPerHour = 12.0
    /// Chances per beat of a fault starting, and of falling silent.
    public var faultChance = 0.004
    public var silenceChance = 0.001
    var generator: SeededGenerator
    var nextBeat: Date
    var faultUntil: (Date, String)?
    var silentUntil: Date?
    var delivered: [String] = []
    public private(set) var transactions = 0

    public init(deviceID: String, seed: UInt64, start: Date) {
        self.deviceID = deviceID
        generator = SeededGenerator(seed: seed)
        nextBeat = start
    }

    public mutating func advance(to now: Date, through endpoint: some DemoEndpoint) async throws {
        while nextBeat <= now {
            let moment = nextBeat
            nextBeat = moment.addingTimeInterval(beatEvery)
            if let until = silentUntil, moment < until { continue }
            silentUntil = nil
            if generator.unit() < silenceChance {
                silentUntil = moment.addingTimeInterval(360 + generator.unit() * 240)
                continue
            }
            if let fault = faultUntil, moment >= fault.0 { faultUntil = nil }
            if faultUntil == nil, generator.unit() < faultChance {
                faultUntil = (moment.addingTimeInterval(300 + generator.unit() * 600), generator.unit() < 0.5 ? "paper_out" : "card_reader")
            }
            if faultUntil == nil {
                var elapsed = generator.exponential(mean: 3_600 / transactionsPerHour)
                while elapsed < beatEvery {
                    transactions += 1
                    elapsed += generator.exponential(mean: 3_600 / transactionsPerHour)
                }
            }
            delivered = try await endpoint.heartbeat(deviceID: deviceID, fault: faultUntil?.1, counters: ["transactions": transactions], acknowledged: delivered)
        }
    }
}
