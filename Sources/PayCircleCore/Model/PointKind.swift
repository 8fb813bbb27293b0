/// What sort of payment channel a point is.
public enum PointKind: String, Sendable, CaseIterable, Codable {
    case hall
    case kiosk
    case bankBooth = "bank_booth"
    case bankBranch = "bank_branch"
    case agency
}

/// The grade of a power-supply service hall, A (largest) to D.
public enum HallGrade: String, Sendable, CaseIterable, Codable {
    case a = "A", b = "B", c = "C", d = "D"
}

/// The partner business that runs an agency collection point.
public enum AgencyType: String, Sendable, CaseIterable, Codable {
    case post, telecom, supermarket, convenience, property, other
}

/// Operational state of a channel; only `online` channels can be open.
public enum PointStatus: String, Sendable, CaseIterable, Codable {
    case online, offline, fault, closed
}

extension PointKind {
    /// Whether points of this kind have a queue machine (and so queue reports and tickets): halls and
    /// bank branches.
    public var hasQueueMachine: Bool { self == .hall || self == .bankBranch }
}
