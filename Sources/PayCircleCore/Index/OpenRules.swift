import CPrefetch
import Foundation

/// The open-state inputs of a static tree's points (status, opening hours, time zone), numbered once when
/// the tree is built: an answer reads one number per match and evaluates that rule from memory that holds
/// no references. Reading each point's hours instead counts references on objects that every request
/// shares (a city's points use a handful of hours texts), and the two cores then trade those objects'
/// cache lines on every answer.
///
/// A rule says what ``OpenStateCache`` says of its points: closed unless online, unknown without parsed
/// hours or a known time zone, otherwise what the hours say at the local time.
///
/// The owner frees the rules with ``deallocate()``; copies share them.
///
/// ```swift
/// let rules = OpenRules(points)
/// var evaluation = OpenRules.Evaluation(date: now)
/// rules.isOpen(slot: 3, &evaluation)   // the same as OpenStateCache(date: now).isOpen(points[3])
/// ```
// Sendable by hand: the storage is written once, in init, and only read afterwards.
struct OpenRules: @unchecked Sendable {
    private struct Rule {
        enum Kind {
            /// Not online: closed whatever the hours say.
            case closed
            /// No hours, or hours outside the supported syntax.
            case unknown
            /// Hours with a schedule, in ``zone``.
            case scheduled
        }

        var kind: Kind
        var mentionsPublicHolidays = false
        /// The time zone's place in ``zones``.
        var zone: Int32 = 0
        /// Where the schedule's day starts begin in ``dayStarts`` (``WeeklySchedule/dayCount`` and an end).
        var firstDayStart: Int32 = 0
    }

    /// What makes two scheduled rules one.
    private struct Key: Hashable {
        var hours: OpeningHours
        var zone: String
    }

    /// A stretch of time over which a time zone keeps one offset from UTC.
    private struct OffsetSpan {
        /// Seconds since 1970, from (included) and until (excluded).
        var from, until: Double
        var offsetSeconds: Int
    }

    private static let closed: UInt32 = 0, unknown: UInt32 = 1
    /// How far before and after the rules are made their zones' offsets are worked out; moments outside
    /// ask ``TimeZoneCache``.
    private static let offsetYearsBefore = 2.0, offsetYearsAfter = 10.0

    private let ruleOfSlot: UnsafeMutableBufferPointer<UInt32>
    private let rules: UnsafeMutableBufferPointer<Rule>
    private let dayStarts: UnsafeMutableBufferPointer<Int>
    private let ranges: UnsafeMutableBufferPointer<WeeklySchedule.MinuteRange>
    private let zones: UnsafeMutableBufferPointer<String>
    /// Each zone's offsets, in time order, from ``zoneSpanStarts`` (one more entry than zones, for the end).
    private let offsetSpans: UnsafeMutableBufferPointer<OffsetSpan>
    private let zoneSpanStarts: UnsafeMutableBufferPointer<Int>

    /// The rules of `points`, slot `i` being `points[i]`, their zones' offsets worked out around `now`.
    init(_ points: [PaymentPoint], now: Date = Date()) {
        var rules = [Rule(kind: .closed), Rule(kind: .unknown)]
        var numbers: [Key: UInt32] = [:], zoneNumbers: [String: Int32] = [:]
        var starts: [Int] = [], ranges: [WeeklySchedule.MinuteRange] = [], zones: [String] = []
        let ruleOfSlot = points.map { point -> UInt32 in
            guard point.status == .online else { return Self.closed }
            guard let hours = point.openingHours, let schedule = hours.schedule else { return Self.unknown }
            let key = Key(hours: hours, zone: point.timeZone)
            if let number = numbers[key] { return number }
            let zone = zoneNumbers[point.timeZone] ?? {
                zones.append(point.timeZone)
                zoneNumbers[point.timeZone] = Int32(zones.count - 1)
                return Int32(zones.count - 1)
            }()
            rules.append(Rule(kind: .scheduled, mentionsPublicHolidays: schedule.mentionsPublicHolidays, zone: zone, firstDayStart: Int32(starts.count)))
            starts += schedule.dayStarts.map { ranges.count + $0 }
            ranges += schedule.dayRanges
            numbers[key] = UInt32(rules.count - 1)
            return UInt32(rules.count - 1)
        }
        func stored<Element>(_ elements: [Element]) -> UnsafeMutableBufferPointer<Element> {
            let storage = UnsafeMutableBufferPointer<Element>.allocate(capacity: elements.count)
            _ = storage.initialize(from: elements)
            return storage
        }
        self.ruleOfSlot = stored(ruleOfSlot)
        self.rules = stored(rules)
        dayStarts = stored(starts)
        self.ranges = stored(ranges)
        self.zones = stored(zones)
        var spans: [OffsetSpan] = [], spanStarts = [0]
        for zone in zones {
            spans += Self.offsetSpans(of: zone, around: now)
            spanStarts.append(spans.count)
        }
        offsetSpans = stored(spans)
        zoneSpanStarts = stored(spanStarts)
    }

    /// The offsets of the zone named `identifier` from ``offsetYearsBefore`` years before `now` to
    /// ``offsetYearsAfter`` years after, one span between each daylight-saving transition and the next (as
    /// ``TimeZoneCache`` keeps them); none for an unknown zone.
    private static func offsetSpans(of identifier: String, around now: Date) -> [OffsetSpan] {
        guard let zone = TimeZoneCache.zone(identifier) else { return [] }
        let year = 365.25 * 86_400
        let end = now.addingTimeInterval(offsetYearsAfter * year)
        var start = now.addingTimeInterval(-offsetYearsBefore * year), spans: [OffsetSpan] = []
        while start < end {
            let until = min(zone.nextDaylightSavingTimeTransition(after: start) ?? end, end)
            guard until > start else { break }
            spans.append(OffsetSpan(from: start.timeIntervalSince1970, until: until.timeIntervalSince1970, offsetSeconds: zone.secondsFromGMT(for: start)))
            start = until
        }
        return spans
    }

    /// Frees the rules; no copy may be used afterwards.
    func deallocate() {
        ruleOfSlot.deallocate()
        rules.deallocate()
        dayStarts.deallocate()
        ranges.deallocate()
        zones.deinitialize().deallocate()
        offsetSpans.deallocate()
        zoneSpanStarts.deallocate()
    }

    /// Open states at one moment, keeping the local time of the last time zone asked for.
    struct Evaluation {
        let date: Date
        fileprivate(set) var zone: Int32 = -1
        fileprivate(set) var localTime: LocalTime?

        init(date: Date) { self.date = date }
    }

    /// The local time of the evaluation's moment in zone number `zone`, from the zone's offsets (from
    /// ``TimeZoneCache`` outside them): read from memory no other request writes.
    private func localTime(inZone zone: Int32, _ evaluation: inout Evaluation) -> LocalTime? {
        if zone == evaluation.zone { return evaluation.localTime }
        evaluation.zone = zone
        let moment = evaluation.date.timeIntervalSince1970
        var low = zoneSpanStarts[Int(zone)], high = zoneSpanStarts[Int(zone) + 1]
        // The last span that starts at or before the moment.
        while high - low > 1 {
            let middle = (low + high) / 2
            if offsetSpans[middle].from <= moment { low = middle } else { high = middle }
        }
        if low < high, offsetSpans[low].from <= moment, moment < offsetSpans[low].until {
            evaluation.localTime = LocalTime(evaluation.date, offsetSeconds: offsetSpans[low].offsetSeconds)
        } else {
            evaluation.localTime = TimeZoneCache.localTime(evaluation.date, in: zones[Int(zone)])
        }
        return evaluation.localTime
    }

    /// Whether the point in `slot` is open at the evaluation's moment; nil when its hours cannot say.
    func isOpen(slot: Int, _ evaluation: inout Evaluation) -> Bool? {
        isOpen(rule: ruleOfSlot[slot], &evaluation)
    }

    /// The same for the point in `slot` whose tree tag is `tag`: its rule is read from the tag when the tag
    /// keeps it (``PointTag/rule(in:)``), so a search that has just read the tag reads nothing more.
    @inline(__always) func isOpen(slot: Int, tag: UInt32, _ evaluation: inout Evaluation) -> Bool? {
        isOpen(rule: PointTag.rule(in: tag) ?? ruleOfSlot[slot], &evaluation)
    }

    /// The number of the rule of the point in `slot`.
    func rule(ofSlot slot: Int) -> UInt32 { ruleOfSlot[slot] }

    private func isOpen(rule number: UInt32, _ evaluation: inout Evaluation) -> Bool? {
        let rule = rules[Int(number)]
        switch rule.kind {
        case .closed: return false
        case .unknown: return nil
        case .scheduled:
            guard let time = localTime(inZone: rule.zone, &evaluation) else { return nil }
            let first = Int(rule.firstDayStart)
            return WeeklySchedule.openState(at: time, ranges: UnsafeBufferPointer(ranges),
                                            dayStarts: UnsafeBufferPointer(rebasing: dayStarts[first...(first + WeeklySchedule.dayCount)]),
                                            mentionsPublicHolidays: rule.mentionsPublicHolidays)
        }
    }

    /// Whether the point in `slot` can ever be open: false when it is closed or its hours cannot say, so
    /// ``isOpen(slot:_:)`` never answers true for it.
    func mayBeOpen(slot: Int) -> Bool {
        rules[Int(ruleOfSlot[slot])].kind == .scheduled
    }

    /// Asks the processor for the rule number of `slot` ahead of ``isOpen(slot:_:)``.
    func prefetch(slot: Int) {
        paycircle_prefetch(ruleOfSlot.baseAddress! + slot)
    }
}
