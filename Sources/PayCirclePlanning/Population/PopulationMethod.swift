/// How an area's people are placed for coverage.
public enum PopulationMethod: String, Sendable, CaseIterable {
    /// Spread uniformly along the walking network inside the area (by length).
    case streets
    /// Shared among the residential buildings inside the area by floor area; each building walks to the
    /// network from its centroid.
    case buildings
    /// Spread uniformly over the area's surface, with walking distance estimated as the straight-line
    /// distance times a detour factor: for areas the walking network does not cover.
    case straightLine = "straight_line"

    /// A phrase for reports.
    public var explanation: String {
        switch self {
        case .streets: "people spread uniformly along the streets inside the area"
        case .buildings: "people shared among residential buildings by floor area"
        case .straightLine: "no street network: straight-line distance times the detour factor"
        }
    }
}
