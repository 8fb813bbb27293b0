/// How the channels stood at the moment of a coverage question.
public struct ChannelCounts: Sendable, Hashable {
    /// Channels counted as places to pay (of the chosen kinds, open or counted as open).
    public var counted = 0
    /// Of the chosen kinds but closed, offline or out of order.
    public var closed = 0
    /// Of the chosen kinds with hours that do not say (not counted unless asked).
    public var unknownHours = 0
    /// Of the counted, those open by hours the import assumed (not tagged in OSM).
    public var assumedHours = 0
    /// Counted channels more than 500 m from the walking network: they serve only areas priced by
    /// straight line.
    public var offNetwork = 0

    public init() {}
}
