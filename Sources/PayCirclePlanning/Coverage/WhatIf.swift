import Foundation
import PayCircleCore

/// A planner's "what if": the city's channels with some taken away and new sites added, for coverage as
/// it would be. New sites count as channels open round the clock (`what-if:1`, `what-if:2`, …).
///
/// ```swift
/// let channels = try WhatIf(add: [site], remove: ["osm:n42"]).channels(from: registry.sortedPoints())
/// ```
public struct WhatIf: Sendable, Hashable {
    public var add: [Coordinate]
    public var remove: [String]

    public static let maxAdded = 100
    public static let maxRemoved = 10_000

    public init(add: [Coordinate] = [], remove: [String] = []) {
        self.add = add
        self.remove = remove
    }

    /// `points` without the removed ones, plus the added sites; an id to remove that is not a point is an
    /// error naming it (`remove[2]`).
    public func channels(from points: [PaymentPoint]) throws(InputError) -> [PaymentPoint] {
        let known = Set(points.map(\.id))
        if let index = remove.firstIndex(where: { !known.contains($0) }) {
            throw InputError("no payment point with id '\(remove[index])'", field: "remove[\(index)]")
        }
        let removed = Set(remove)
        let added = add.enumerated().map { index, location in
            PaymentPoint(id: "what-if:\(index + 1)", name: "new site \(index + 1)", kind: .kiosk, openingHours: OpeningHours("24/7"), location: location)
        }
        return points.filter { !removed.contains($0.id) } + added
    }
}
