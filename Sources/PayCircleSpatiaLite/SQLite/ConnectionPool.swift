import Dispatch
import PayCircleStore
import Synchronization

/// The connections to one database file, used from async code without holding up Swift's cooperative
/// threads: one writer, whose work runs in order on a queue of its own (SQLite writes one at a time; a
/// commit waits for the disk), and readers that WAL mode lets run beside it, on a concurrent queue.
/// Idle readers are kept (up to `maxIdleReaders`) and reused.
final class ConnectionPool: Sendable {
    private let path: String
    private let maxIdleReaders: Int
    private let writer: SQLiteConnectionBox
    private let writing = DispatchQueue(label: "paycircle.sqlite.writer")
    private let reading = DispatchQueue(label: "paycircle.sqlite.readers", attributes: .concurrent)
    private let idleReaders = Mutex<[SQLiteConnectionBox]>([])

    init(path: String, maxIdleReaders: Int = 8) throws(StoreError) {
        self.path = path
        self.maxIdleReaders = maxIdleReaders
        writer = SQLiteConnectionBox(try SQLiteConnection(path: path))
    }

    /// Runs `body` with the writer connection, after every write asked for before it.
    func write<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        let writer = self.writer
        return try await withCheckedThrowingContinuation { continuation in
            writing.async { continuation.resume(with: Result { try body(writer.connection) }) }
        }
    }

    /// Runs `body` with the writer connection on the calling thread, for set-up before any async use.
    func writeNow<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try writing.sync { try body(writer.connection) }
    }

    /// Runs `body` with a reader connection.
    func read<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            reading.async { continuation.resume(with: Result { try self.readNow(body) }) }
        }
    }

    private func readNow<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        let box = try idleReaders.withLock { $0.popLast() } ?? SQLiteConnectionBox(try SQLiteConnection(path: path))
        defer {
            idleReaders.withLock { readers in
                if readers.count < maxIdleReaders { readers.append(box) }
            }
        }
        return try body(box.connection)
    }
}

/// Moves a connection between threads; the pool guarantees one user at a time.
struct SQLiteConnectionBox: @unchecked Sendable {
    let connection: SQLiteConnection
    init(_ connection: SQLiteConnection) { self.connection = connection }
}
