import Foundation
import PayCircleCore
import PayCircleSimulation

/// Deterministic payment points spread over a city-sized box (Dongguan's extent by default), so that
/// benchmarks and load tests are reproducible from a seed.
struct SyntheticCity {
    static let south = 22.6, north = 23.2, west = 113.5, east = 114.3

    static func points(count: Int, seed: UInt64) -> [PaymentPoint] {
        var random = SeededGenerator(seed: seed)
        let kinds: [PointKind] = [.agency, .agency, .agency, .kiosk, .bankBooth, .bankBranch, .hall]
        let hours = ["24/7", "Mo-Fr 08:30-17:30; Sa 09:00-12:00", "Mo-Su 07:00-23:00", "Mo-Fr 09:00-17:00; PH off"]
        return (0..<count).map { i in
            PaymentPoint(
                id: String(format: "syn%07d", i), name: "Point \(i)", kind: kinds[Int(random.next() % UInt64(kinds.count))],
                services: ServiceSet(rawValue: UInt8(random.next() % 31) + 1), openingHours: OpeningHours(hours[i % hours.count]),
                source: "synthetic", location: randomLocation(&random)
            )
        }
    }

    static func randomLocation(_ random: inout SeededGenerator) -> Coordinate {
        Coordinate(latitude: .random(in: south...north, using: &random), longitude: .random(in: west...east, using: &random))
    }
}

