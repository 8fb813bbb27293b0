import Foundation
import PayCircleCore

/// The blocks of a PBF file, read and inflated on a thread of their own a few blocks ahead of the one
/// being decoded, so that reading and inflating run on another core beside decoding and the callbacks.
///
/// The producer hands blocks over with `put`, which waits while `capacity` blocks are queued and returns
/// false once the reader has stopped; ``finish()`` stops it and waits for it, whether or not every block
/// was taken (a callback that throws ends the read early). Reading is synchronous: the reader waits on a
/// condition for the producer's own thread (not one of Swift concurrency's), so a caller blocks only as it
/// would on reading the file itself; the import runs the whole read on a ``HeavyWorkExecutor`` thread,
/// never on Swift's cooperative ones.
final class PBFBlockReadAhead: @unchecked Sendable {
    /// A block in file order: its number (from 1), type and inflated bytes, or what went wrong reading it.
    enum Item {
        case block(number: Int, type: String, data: [UInt8])
        case failure(number: Int, InputError)
    }

    private let condition = NSCondition()
    private let capacity: Int
    /// Guarded by `condition`.
    private var queued: [Item] = []
    private var producing = true
    private var stopped = false

    /// Starts `produce` on a thread of its own; it hands each block to `put` and stops when `put`
    /// returns false.
    init(capacity: Int, produce: @escaping @Sendable (_ put: (Item) -> Bool) -> Void) {
        self.capacity = capacity
        Thread { [self] in
            produce(put)
            condition.withLock {
                producing = false
                condition.broadcast()
            }
        }.start()
    }

    private func put(_ item: Item) -> Bool {
        condition.withLock {
            while queued.count >= capacity && !stopped { condition.wait() }
            guard !stopped else { return false }
            queued.append(item)
            condition.broadcast()
            return true
        }
    }

    /// The next item in file order; nil when the producer has ended and everything was taken.
    func next() -> Item? {
        condition.withLock {
            while queued.isEmpty && producing { condition.wait() }
            guard !queued.isEmpty else { return nil }
            condition.broadcast()
            return queued.removeFirst()
        }
    }

    /// Stops the producer and waits for it to end (its file closed); later calls return at once.
    func finish() {
        condition.withLock {
            stopped = true
            queued.removeAll()
            condition.broadcast()
            while producing { condition.wait() }
        }
    }
}
