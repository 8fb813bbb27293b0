import Foundation

/// One write as the audit log keeps it: who (a token id), when, what action on which point, and the
/// detail (the new record or status).
public struct AuditEntry: Sendable, Hashable, Codable {
    public var at: Date
    public var actor: String
    public var action: String
    public var target: String
    public var detail: String

    public init(at: Date = Date(), actor: String, action: String, target: String, detail: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.detail = detail
    }
}
