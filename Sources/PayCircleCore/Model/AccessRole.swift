/// What a bearer token may do.
///
/// - `admin`: everything, including creating, replacing and deleting points.
/// - `operator`: a queue machine or monitor: live status and queue reports, only for the points its token
///   names when it names any.
/// - `planner`: the planners' heavy questions that anonymous clients may not ask (`/v1/suggest`).
/// - `partner`: an app that calls on behalf of many people: no writes of its own, but limits of its own,
///   higher than one anonymous address gets.
/// - `device`: a kiosk or terminal: heartbeats for the devices its token names, nothing else.
public enum AccessRole: String, Sendable, CaseIterable, Codable {
    case admin
    case `operator`
    case planner
    case partner
    case device

    /// Whether this role may create, replace or delete points (not just set their status).
    public var mayEditPoints: Bool { self == .admin }

    /// Whether this role may report the live state of points (status, queues).
    public var mayReportState: Bool { self == .admin || self == .operator }

    /// Whether this role may ask the planners' heavy questions (site suggestions).
    public var mayPlan: Bool { self == .admin || self == .planner }

    /// Whether this role may read the device ledger and incidents (staff: admins, operators, planners).
    public var mayReadOperations: Bool { self == .admin || self == .operator || self == .planner }
}
