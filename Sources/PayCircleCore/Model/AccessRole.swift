/// What a write token may do: admins change anything, operators only the live status of channels.
public enum AccessRole: String, Sendable, CaseIterable, Codable {
    case admin
    case `operator`

    /// Whether this role may create, replace or delete points (not just set their status).
    public var mayEditPoints: Bool { self == .admin }
}
