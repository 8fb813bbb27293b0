import PayCircleCore
import PayCircleNetwork

extension CoveragePlanner {
    /// The walk from the nearest counted channel to the middle of every edge (infinity off the main
    /// component or beyond reach), for colouring streets.
    public func streetSeconds(_ settings: CoverageSettings) -> [Double] {
        guard let graph else { return [] }
        let (counted, _) = countedChannels(settings)
        return graph.withWalkingTimes(to: networkSources(counted)) { times in
            (0..<Int32(graph.edgeCount)).map { graph.isInMainComponent(edge: $0) ? times.seconds(onEdge: $0, at: 0.5) : .infinity }
        }
    }
}

extension CoveragePlanner {
    /// The walk from the nearest counted channel to every node of the network (infinity where none
    /// reaches), from the same search the coverage figures come from.
    public func nodeSeconds(_ settings: CoverageSettings) -> [Double] {
        guard let graph else { return [] }
        return graph.walkingSeconds(to: networkSources(countedChannels(settings).indices))
    }

    /// Where each counted channel joins the network (nil when it is too far from it), in channel order.
    public func networkLocations(_ settings: CoverageSettings) -> [(channel: PaymentPoint, location: NetworkLocation?)] {
        countedChannels(settings).indices.map { (channels[$0], channelLocations[$0]) }
    }
}
