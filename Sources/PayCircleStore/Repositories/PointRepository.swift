import Foundation
import PayCircleCore

/// The payment points and their status: the source of truth that the in-memory index is rebuilt from.
///
/// Every write is atomic: it is applied whole or, on any error, not at all.
public protocol PointRepository: Sendable {
    /// Every stored point, in id order.
    func loadPoints() async throws -> [PaymentPoint]
    func point(id: String) async throws -> PaymentPoint?
    /// Applies `change` and, when given, replaces the OSM layers (walking network, residential buildings,
    /// candidate sites) in the same transaction, so that an import is whole or absent.
    @discardableResult
    func write(_ change: PointChange, layers: OSMLayers?) async throws -> PointChangeSummary
}

extension PointRepository {
    @discardableResult
    public func write(_ change: PointChange) async throws -> PointChangeSummary {
        try await write(change, layers: nil)
    }
}

/// One atomic change to the stored points.
///
/// ```swift
/// try await store.write(PointChange(upserts: imported, replace: .source("osm")))
/// ```
public struct PointChange: Sendable {
    /// Which existing points a change removes before writing its upserts.
    public enum ReplaceScope: Sendable, Hashable {
        case all
        /// Points whose `source` equals this value.
        case source(String)
    }

    public var upserts: [PaymentPoint]
    public var deletions: [String]
    public var replace: ReplaceScope?
    /// Written to the audit log in the same transaction, when given.
    public var audit: AuditEntry?

    public init(upserts: [PaymentPoint] = [], deletions: [String] = [], replace: ReplaceScope? = nil, audit: AuditEntry? = nil) {
        self.upserts = upserts
        self.deletions = deletions
        self.replace = replace
        self.audit = audit
    }
}

/// What a ``PointChange`` did.
public struct PointChangeSummary: Sendable, Hashable, Codable {
    public var inserted = 0
    public var updated = 0
    public var deleted = 0
    /// Ids removed, by deletion or by replacement; the in-memory index drops them too.
    public var removedIDs: [String] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case inserted, updated, deleted
        case removedIDs = "removed_ids"
    }
}
