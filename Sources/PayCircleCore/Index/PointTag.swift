/// A point's kind, services and status, whether its hours can ever say it is open, and the number of its
/// open-state rule (``OpenRules``), packed into the 32 bits the tree keeps beside each position
/// (``GeodesicKDTree/TagTest``): a filtered search tests each point it scans with a few bit operations,
/// without reading the point or hashing its kind, and reads the rule of a point that passes without a
/// look-up in memory the search has not touched.
///
/// Bits 0–7 are the services, 8–12 the kind, 13–16 the status, 17 whether the hours may say open, and
/// 18–31 the rule number, all ones when it does not fit (the rule is then read by slot). The kind's and
/// the status's fields hold their five and four cases exactly: a new case needs the fields widened, and
/// until then the first tree built stops on the precondition of `bit`.
///
/// ```swift
/// let tag = PointTag.tag(of: point, mayBeOpen: true, rule: 7)
/// PointTag.test(for: query).passes(tag)   // query.matchesAttributes(point), and hours that may be open when asked
/// PointTag.rule(in: tag)                  // 7
/// ```
enum PointTag {
    private static let kindShift: UInt32 = 8, statusShift: UInt32 = 13, mayBeOpenShift: UInt32 = 17, ruleShift: UInt32 = 18
    /// Set when the point is online with hours that have a schedule (``OpenRules/mayBeOpen(slot:)``).
    private static let mayBeOpenBit: UInt32 = 1 << mayBeOpenShift
    /// The rule field's all-ones value, kept for rules that do not fit; it is also what a tree built
    /// without tags gives every point.
    private static let ruleNotKept: UInt32 = UInt32.max >> ruleShift
    private static let anyKind = PointKind.allCases.reduce(0) { $0 | bit($1) }
    private static let anyStatus = PointStatus.allCases.reduce(0) { $0 | bit($1) }

    static func tag(of point: PaymentPoint, mayBeOpen: Bool, rule: UInt32) -> UInt32 {
        UInt32(point.services.rawValue) | bit(point.kind) | bit(point.status) | (mayBeOpen ? mayBeOpenBit : 0)
            | min(rule, ruleNotKept) << ruleShift
    }

    /// The rule number `tag` keeps; nil when it did not fit.
    @inline(__always) static func rule(in tag: UInt32) -> UInt32? {
        let rule = tag >> ruleShift
        return rule == ruleNotKept ? nil : rule
    }

    /// The test of `query`'s kinds, services and statuses; with `openAt`, points whose hours can never say
    /// open fail it too (the rest still need their hours evaluated).
    static func test(for query: NearestQuery) -> GeodesicKDTree.TagTest {
        GeodesicKDTree.TagTest(
            anyOf: query.kinds.map { $0.reduce(0) { $0 | bit($1) } } ?? anyKind,
            alsoAnyOf: query.statuses.map { $0.reduce(0) { $0 | bit($1) } } ?? anyStatus,
            allOf: UInt32(query.services.rawValue) | (query.openAt == nil ? 0 : mayBeOpenBit))
    }

    private static func bit(_ kind: PointKind) -> UInt32 { bit(kind, from: kindShift, to: statusShift) }

    private static func bit(_ status: PointStatus) -> UInt32 { bit(status, from: statusShift, to: mayBeOpenShift) }

    /// The bit of `value`'s place among its type's cases, counted from bit `shift`; the cases must fit
    /// below bit `end`.
    private static func bit<Value: CaseIterable & Equatable>(_ value: Value, from shift: UInt32, to end: UInt32) -> UInt32 {
        var place: UInt32 = 0
        for other in Value.allCases {
            if other == value { break }
            place += 1
        }
        precondition(Value.allCases.count <= Int(end - shift), "\(Value.self) has more cases than its bits")
        return 1 << (shift + place)
    }
}
