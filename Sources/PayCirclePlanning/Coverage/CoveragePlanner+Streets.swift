import PayCircleCore
import PayCircleNetwork

extension CoveragePlanner {
    /// The walk from the nearest counted channel to the middle of every edge (infinity off the main
    /// component or beyond reach), for colouring streets.
    public func streetSeconds(_ settings: CoverageSettings) -> [Double] {
        guard let graph else { return [] }
        let (counted, _) = countedChannels(settings)
        return graph.withWalkingTimes(from: networkSources(counted)) { times in
            (0..<Int32(graph.edgeCount)).map { graph.isInMainComponent(edge: $0) ? times.seconds(onEdge: $0, at: 0.5) : .infinity }
        }
    }
}
