import Foundation
import PayCircleCore

/// Durable storage of payment points and the walking network: the source of truth that in-memory indexes
/// and graphs are rebuilt from.
///
/// Every write is atomic: it is applied whole or, on any error, not at all.
public protocol PointStore: Sendable {
    /// Every stored point, in id order.
    func loadPoints() throws -> [PaymentPoint]
    func point(id: String) throws -> PaymentPoint?
    /// Applies `change` and, when given, replaces the walking network, the residential buildings and the
    /// candidate sites, in one transaction.
    @discardableResult
    func write(_ change: PointChange, layers: OSMLayers?) throws -> PointChangeSummary
    /// The stored walking network (empty when none was imported).
    func loadNetwork() throws -> WalkingNetworkData
    /// The stored residential buildings, in id order.
    func loadBuildings() throws -> [ResidentialBuilding]
    /// The stored candidate sites, in id order.
    func loadCandidates() throws -> [CandidateSite]
    /// Replaces every stored population area, in one transaction.
    func replaceAreas(_ areas: [PopulationArea]) throws
    /// The stored population areas, in id order.
    func loadAreas() throws -> [PopulationArea]
    /// The schema version the store is at.
    func schemaVersion() throws -> Int
    /// A new token; its secret is returned here only, and only its SHA-256 is stored. `points` limits an
    /// operator token to those points (nil: every point).
    func createToken(name: String, role: AccessRole, points: Set<String>?) throws -> (token: AccessToken, secret: String)
    /// Revokes a token; false when no live token has that id.
    func revokeToken(id: String) throws -> Bool
    /// Every token, revoked ones included, oldest first.
    func accessTokens() throws -> [AccessToken]
    /// The live token whose secret this is, or nil.
    func authenticate(secret: String) throws -> AccessToken?
    /// The newest `limit` writes of the audit log, newest first.
    func auditLog(limit: Int) throws -> [AuditEntry]
    /// Adds a hall's queue report to the history (reports are telemetry: kept, not audited).
    func recordQueueReport(_ report: QueueReport) throws
    /// The newest report of each hall, by hall id.
    func latestQueueReports() throws -> [QueueReport]
    /// Every report made from `start` up to (not including) `end`, oldest first.
    func queueReports(from start: Date, to end: Date) throws -> [QueueReport]
    /// Issues a remote ticket in one transaction: `make` gets the hall's next sequence number and the
    /// tickets still waiting for that service (oldest first) and returns the ticket to store.
    func issueTicket(hallID: String, service: PaymentService,
                     _ make: (_ sequence: Int, _ waiting: [QueueTicket]) throws -> QueueTicket) throws -> QueueTicket
    func ticket(id: String) throws -> QueueTicket?
    /// Marks a waiting ticket cancelled; false when there is no such waiting ticket.
    func cancelTicket(id: String) throws -> Bool
}

extension PointStore {
    /// A new token for every point.
    public func createToken(name: String, role: AccessRole) throws -> (token: AccessToken, secret: String) {
        try createToken(name: name, role: role, points: nil)
    }

    @discardableResult
    public func write(_ change: PointChange) throws -> PointChangeSummary {
        try write(change, layers: nil)
    }
}

/// One atomic change to the stored points.
///
/// ```swift
/// try store.write(PointChange(upserts: imported, replace: .source("osm")))
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
