/// Walking seconds along one edge: in from its source end, in from its target end (not on a foot-oneway
/// edge), or straight along it from a source lying on it.
public struct EdgeTimes {
    let atSource: Double
    let atTarget: Double
    /// Seconds to walk the whole edge.
    let seconds: Double
    let isOneway: Bool
    let sources: [(fraction: Double, seconds: Double)]
    let limit: Double

    /// Seconds to the point `fraction` of the way from the edge's source to its target; infinity beyond
    /// the limit.
    public func seconds(at fraction: Double) -> Double {
        var best = min(atSource + fraction * seconds, atTarget + (1 - fraction) * seconds)
        for source in sources where fraction >= source.fraction || !isOneway {
            best = min(best, source.seconds + abs(fraction - source.fraction) * seconds)
        }
        return best <= limit ? best : .infinity
    }
}
