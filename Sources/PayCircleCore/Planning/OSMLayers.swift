/// What an OpenStreetMap import replaces beside the channels, all in one transaction: the walking
/// network, the residential buildings that population estimates come from, and the shops that could
/// become channels.
///
/// ```swift
/// try store.write(PointChange(upserts: channels, replace: .source("osm")), layers: OSMLayers(network: network))
/// ```
public struct OSMLayers: Sendable, Equatable {
    public var network: WalkingNetworkData
    public var buildings: [ResidentialBuilding]
    public var candidates: [CandidateSite]

    public init(network: WalkingNetworkData = WalkingNetworkData(), buildings: [ResidentialBuilding] = [], candidates: [CandidateSite] = []) {
        self.network = network
        self.buildings = buildings
        self.candidates = candidates
    }
}
