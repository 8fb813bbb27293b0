/// Walking seconds from places along one edge to the nearest destination: out through its source end
/// (not on a foot-oneway edge, which is walked only toward its target), out through its target end, or
/// straight along it to a destination on it.
///
/// Planning prices millions of samples through it, so its reading is inlinable across modules.
public struct EdgeTimes {
    @usableFromInline let atSource: Double
    @usableFromInline let atTarget: Double
    /// Seconds to walk the whole edge.
    @usableFromInline let seconds: Double
    @usableFromInline let isOneway: Bool
    @usableFromInline let destinations: [(fraction: Double, seconds: Double)]
    @usableFromInline let limit: Double

    /// Seconds from the point `fraction` of the way from the edge's source to its target; infinity beyond
    /// the limit.
    @inlinable
    public func seconds(at fraction: Double) -> Double {
        var best = min(atSource + fraction * seconds, atTarget + (1 - fraction) * seconds)
        for destination in destinations where destination.fraction >= fraction || !isOneway {
            best = min(best, destination.seconds + abs(fraction - destination.fraction) * seconds)
        }
        return best <= limit ? best : .infinity
    }
}
