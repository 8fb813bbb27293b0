/// Orders the writes of each point: a write holds the lanes its point ids fall in (every lane for a
/// write of the whole store), so two writes of one point commit and reach the index in the same order,
/// while writes of different points go to the store at once (PostGIS commits them on several
/// connections).
final class WriteLanes: Sendable {
    private let lanes: [AsyncLock]

    init(count: Int = 64) {
        lanes = (0..<count).map { _ in AsyncLock() }
    }

    /// Runs `body` holding the lanes of `ids`, or every lane when `ids` is nil. Lanes are taken in
    /// ascending order, so two writes never wait for each other in a circle.
    func holding<T>(_ ids: [String]?, _ body: () async throws -> T) async throws -> T {
        let chosen = ids.map { Set($0.map { Int(UInt(bitPattern: $0.hashValue) % UInt(lanes.count)) }).sorted() } ?? Array(lanes.indices)
        for lane in chosen { await lanes[lane].lock() }
        defer { for lane in chosen.reversed() { lanes[lane].unlock() } }
        return try await body()
    }
}
