import Foundation
import Synchronization

/// Where the engine reads the time: every rule that depends on it (ticket issue times, queue freshness,
/// what is open now, token and status dates) asks the engine's clock, so tests can run a hall's day in
/// milliseconds.
///
/// ```swift
/// let clock = ManualClock(Date(timeIntervalSince1970: 1_795_000_000))
/// clock.advance(by: 600)   // ten minutes later, at once
/// ```
public protocol EngineClock: Sendable {
    var now: Date { get }
}

/// The system's clock.
public struct SystemClock: EngineClock {
    public init() {}
    public var now: Date { Date() }
}

/// A clock that stands still until moved, for tests and simulations.
public final class ManualClock: EngineClock {
    private let current: Mutex<Date>

    public init(_ start: Date) {
        current = Mutex(start)
    }

    public var now: Date { current.withLock { $0 } }

    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }

    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
