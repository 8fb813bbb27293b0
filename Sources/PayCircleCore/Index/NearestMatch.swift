/// One answer to a ``NearestQuery``.
public struct NearestMatch: Sendable, Hashable {
    /// The point found. Changing it drops ``slot``, which no longer says where this point is kept.
    public var point: PaymentPoint {
        didSet { slot = nil }
    }
    /// Geodesic distance in metres from the query origin.
    public var distance: Double
    /// Open at the query's evaluation time; `nil` when unknown.
    public var isOpen: Bool?
    /// Walking metres and seconds from the query place, when ranked by walking; nil when not computed or
    /// when the point cannot be reached on foot.
    public var walkDistance: Double?
    public var walkSeconds: Double?
    /// Whether the point can be reached on the walking network; nil when ranking by straight line.
    public var isReachable: Bool?
    /// The expected wait on arrival, when ranked by time to pay.
    public var wait: WaitEstimate?
    /// Where the point sits in the snapshot's static tree; nil for points written since it was built.
    /// It says where the match was found, not what it is: equality and hashing leave it out.
    public internal(set) var slot: PointSlot?

    /// Walk plus expected wait, when ranked by time to pay; nil when unreachable or no counter is open.
    public var totalSeconds: Double? {
        guard let walkSeconds, let wait, wait.seconds.isFinite else { return nil }
        return walkSeconds + wait.seconds
    }

    public init(point: PaymentPoint, distance: Double, isOpen: Bool?, walkDistance: Double? = nil,
                walkSeconds: Double? = nil, isReachable: Bool? = nil) {
        self.point = point
        self.distance = distance
        self.isOpen = isOpen
        self.walkDistance = walkDistance
        self.walkSeconds = walkSeconds
        self.isReachable = isReachable
    }

    public static func == (a: NearestMatch, b: NearestMatch) -> Bool {
        a.point == b.point && a.distance == b.distance && a.isOpen == b.isOpen && a.walkDistance == b.walkDistance
            && a.walkSeconds == b.walkSeconds && a.isReachable == b.isReachable && a.wait == b.wait
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(point)
        hasher.combine(distance)
        hasher.combine(isOpen)
        hasher.combine(walkDistance)
        hasher.combine(walkSeconds)
        hasher.combine(isReachable)
        hasher.combine(wait)
    }
}
