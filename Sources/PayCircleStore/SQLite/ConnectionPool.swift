import Synchronization

/// A small pool of connections to one database file: one writer, serialised, and readers that WAL mode
/// lets run beside it. Idle readers are kept (up to `maxIdleReaders`) and reused.
final class ConnectionPool: Sendable {
    private let path: String
    private let maxIdleReaders: Int
    private let writer: Mutex<SQLiteConnectionBox>
    private let idleReaders = Mutex<[SQLiteConnectionBox]>([])

    init(path: String, maxIdleReaders: Int = 4) throws(StoreError) {
        self.path = path
        self.maxIdleReaders = maxIdleReaders
        writer = Mutex(SQLiteConnectionBox(try SQLiteConnection(path: path)))
    }

    /// Runs `body` with the writer connection; other writers wait.
    func write<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try writer.withLock { box in try body(box.connection) }
    }

    /// Runs `body` with a reader connection.
    func read<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
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
