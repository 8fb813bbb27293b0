import Synchronization

/// Lets at most `slots` heavy requests run at once and at most `queueLimit` wait for a slot; a request
/// that finds the queue full is turned away at once, so heavy work never piles up.
///
/// ```swift
/// guard try await gate.enter() else { throw busy }   // false: the queue is full
/// defer { gate.leave() }
/// ```
public final class WorkGate: Sendable {
    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    public let slots: Int
    public let queueLimit: Int
    private let state = Mutex(State())

    public init(slots: Int, queueLimit: Int) {
        precondition(slots > 0 && queueLimit >= 0)
        self.slots = slots
        self.queueLimit = queueLimit
    }

    /// Takes a slot, waiting for one in turn; false (without waiting) when the queue is full.
    public func enter() async -> Bool {
        enum Outcome { case entered, queued, refused }
        var outcome = Outcome.refused
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            outcome = state.withLock { state in
                if state.running < slots {
                    state.running += 1
                    return .entered
                }
                guard state.waiting.count < queueLimit else { return .refused }
                state.waiting.append(continuation)
                return .queued
            }
            if outcome != .queued { continuation.resume() }
        }
        return outcome != .refused
    }

    /// Gives the slot back, to the longest waiting request if any.
    public func leave() {
        let next: CheckedContinuation<Void, Never>? = state.withLock { state in
            guard !state.waiting.isEmpty else {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }

    /// Requests running and waiting now.
    public var load: (running: Int, waiting: Int) { state.withLock { ($0.running, $0.waiting.count) } }
}
