import Synchronization

/// One `opening_hours` text and its parse, shared by every ``OpeningHours`` value with that text: channels
/// use a handful of distinct texts ("24/7", office hours), so a large store parses each once, keeps each
/// once, and copying a point retains one reference for its hours. At most `cacheLimit` texts are kept.
final class ParsedHours: Sendable {
    let text: String
    let schedule: WeeklySchedule?

    private init(_ text: String) {
        self.text = text
        schedule = try? WeeklySchedule(parsing: text)
    }

    private static let cache = Mutex<[String: ParsedHours]>([:])
    private static let cacheLimit = 10_000

    static func shared(_ text: String) -> ParsedHours {
        if let cached = cache.withLock({ $0[text] }) { return cached }
        let parsed = ParsedHours(text)
        cache.withLock { cache in
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[text] = parsed
        }
        return parsed
    }
}
