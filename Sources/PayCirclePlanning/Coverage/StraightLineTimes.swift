import PayCircleCore

/// Walking seconds estimated as the straight-line distance to the nearest channel times a detour factor,
/// for places the walking network does not cover.
struct StraightLineTimes: Sendable {
    private let index: PointIndex
    private let secondsPerMetre: Double

    init(channels: [Coordinate], detourFactor: Double, speed: Double) {
        index = PointIndex(channels.enumerated().map { PaymentPoint(id: String($0.offset), name: "", kind: .agency, location: $0.element) })
        secondsPerMetre = detourFactor / speed
    }

    func seconds(_ place: Coordinate) -> Double {
        guard let nearest = index.nearest(NearestQuery(location: place, k: 1)).first else { return .infinity }
        return nearest.distance * secondsPerMetre
    }
}
