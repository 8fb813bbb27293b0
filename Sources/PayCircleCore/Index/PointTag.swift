/// A point's kind, services and status, and whether its hours can ever say it is open, packed into the
/// 32 bits the tree keeps beside each position (``GeodesicKDTree/TagTest``): a filtered search tests each
/// point it scans with a few bit operations, without reading the point or hashing its kind.
///
/// ```swift
/// let tag = PointTag.tag(of: point, mayBeOpen: true)
/// PointTag.test(for: query).passes(tag)   // query.matchesAttributes(point), and hours that may be open when asked
/// ```
enum PointTag {
    private static let kindShift: UInt32 = 8, statusShift: UInt32 = 16
    /// Set when the point is online with hours that have a schedule (``OpenRules/mayBeOpen(slot:)``).
    private static let mayBeOpenBit: UInt32 = 1 << 24
    private static let anyKind = PointKind.allCases.reduce(0) { $0 | bit($1) }
    private static let anyStatus = PointStatus.allCases.reduce(0) { $0 | bit($1) }

    static func tag(of point: PaymentPoint, mayBeOpen: Bool) -> UInt32 {
        UInt32(point.services.rawValue) | bit(point.kind) | bit(point.status) | (mayBeOpen ? mayBeOpenBit : 0)
    }

    /// The test of `query`'s kinds, services and statuses; with `openAt`, points whose hours can never say
    /// open fail it too (the rest still need their hours evaluated).
    static func test(for query: NearestQuery) -> GeodesicKDTree.TagTest {
        GeodesicKDTree.TagTest(
            anyOf: query.kinds.map { $0.reduce(0) { $0 | bit($1) } } ?? anyKind,
            alsoAnyOf: query.statuses.map { $0.reduce(0) { $0 | bit($1) } } ?? anyStatus,
            allOf: UInt32(query.services.rawValue) | (query.openAt == nil ? 0 : mayBeOpenBit))
    }

    private static func bit(_ kind: PointKind) -> UInt32 { bit(kind, from: kindShift) }

    private static func bit(_ status: PointStatus) -> UInt32 { bit(status, from: statusShift) }

    /// The bit of `value`'s place among its type's cases (at most eight), counted from bit `shift`.
    private static func bit<Value: CaseIterable & Equatable>(_ value: Value, from shift: UInt32) -> UInt32 {
        var place: UInt32 = 0
        for other in Value.allCases {
            if other == value { break }
            place += 1
        }
        precondition(place < 8, "at most eight cases")
        return 1 << (shift + place)
    }
}
