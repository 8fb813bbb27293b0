/// Walking seconds from places along one edge to the nearest destination: out through its source end
/// (not on a foot-oneway edge, which is walked only toward its target), out through its target end, or
/// straight along it to a destination on it.
public struct EdgeTimes {
    let atSource: Double
    let atTarget: Double
    /// Seconds to walk the whole edge.
    let seconds: Double
    let isOneway: Bool
    let destinations: [(fraction: Double, seconds: Double)]
    let limit: Double

    /// Seconds from the point `fraction` of the way from the edge's source to its target; infinity beyond
    /// the limit.
    public func seconds(at fraction: Double) -> Double {
        var best = min(atSource + fraction * seconds, atTarget + (1 - fraction) * seconds)
        for destination in destinations where destination.fraction >= fraction || !isOneway {
            best = min(best, destination.seconds + abs(fraction - destination.fraction) * seconds)
        }
        return best <= limit ? best : .infinity
    }
}
