import Synchronization

extension WeeklySchedule {
    /// Most channels share a handful of `opening_hours` texts ("24/7", office hours), so loading a large
    /// store parses each distinct text once. The cache holds at most `cacheLimit` texts.
    private static let parsed = Mutex<[String: WeeklySchedule?]>([:])
    private static let cacheLimit = 10_000

    static func cachedParse(_ text: String) -> WeeklySchedule? {
        if let cached = parsed.withLock({ $0[text] }) { return cached }
        let schedule = try? WeeklySchedule(parsing: text)
        parsed.withLock { cache in
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[text] = schedule
        }
        return schedule
    }
}
