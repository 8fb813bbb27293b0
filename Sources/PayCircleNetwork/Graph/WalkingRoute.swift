import PayCircleCore

/// A walk along the network from one snapped place to another.
public struct WalkingRoute: Sendable {
    /// One instruction of the route, e.g. "Turn left onto 中关村大街".
    public struct Step: Sendable, Equatable {
        public var instruction: String
        public var name: String?
        public var distance: Double
        public var duration: Double
    }

    /// Metres along the network, from `start` to `end`.
    public var distance: Double
    /// Seconds at the profile's walking speed.
    public var duration: Double
    /// From `start.coordinate` to `end.coordinate`, through every node passed.
    public var geometry: [Coordinate]
    public var steps: [Step]
    public var start: NetworkLocation
    public var end: NetworkLocation
}

/// A piece of an edge walked from one fraction to another.
struct RouteLeg {
    var edge: Int32
    var from: Double
    var to: Double
}
