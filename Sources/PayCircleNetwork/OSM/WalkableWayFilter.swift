/// Which OSM ways a pedestrian may use (DESIGN.md): footways, paths, pedestrian streets and squares,
/// steps, residential and service roads and the larger roads that have sidewalks or no ban on walking;
/// never motorways. `foot=yes|designated|permissive` admits a way, `foot=no` or `access=no|private`
/// (without a foot permission) excludes it. `Tools/reference/walk_network.py` applies the same rules.
public enum WalkableWayFilter {
    static let walkableHighways: Set<String> = [
        "footway", "path", "pedestrian", "steps", "residential", "service", "living_street", "unclassified",
        "track", "corridor", "cycleway", "bridleway", "road", "tertiary", "tertiary_link", "secondary",
        "secondary_link", "primary", "primary_link", "trunk", "trunk_link",
    ]
    static let footPermissions: Set<String> = ["yes", "designated", "permissive"]
    static let sidewalks: Set<String> = ["both", "left", "right", "yes", "separate"]

    public static func isWalkable(_ tags: [String: String]) -> Bool {
        guard let highway = tags["highway"], walkableHighways.contains(highway) else { return false }
        if let foot = tags["foot"] {
            if footPermissions.contains(foot) { return true }
            if foot == "no" || foot == "private" { return false }
        }
        if let access = tags["access"], access == "no" || access == "private" { return false }
        if highway == "trunk" || highway == "trunk_link" {
            return tags["sidewalk"].map(sidewalks.contains) ?? false
        }
        return true
    }

    /// +1 when only forward walking is allowed, -1 when only backward, 0 for both (`oneway` itself does
    /// not bind pedestrians; `oneway:foot` does).
    public static func footDirection(_ tags: [String: String]) -> Int {
        switch tags["oneway:foot"] {
        case "yes", "true", "1": 1
        case "-1", "reverse": -1
        default: 0
        }
    }
}
