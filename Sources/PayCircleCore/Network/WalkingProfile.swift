/// How fast people walk: 5 km/h on the flat by default (a ten-minute walk is about 833 m), and steps take
/// `stepsSlowdown` times as long as the same length of flat ground.
public struct WalkingProfile: Sendable, Hashable {
    public static let standard = WalkingProfile()

    public var speedKilometresPerHour: Double
    public var stepsSlowdown: Double

    public init(speedKilometresPerHour: Double = 5, stepsSlowdown: Double = 2) {
        self.speedKilometresPerHour = speedKilometresPerHour
        self.stepsSlowdown = stepsSlowdown
    }

    public var metresPerSecond: Double { speedKilometresPerHour / 3.6 }

    /// Seconds to walk `length` metres of a way of class `highway`.
    public func seconds(_ length: Double, highway: String) -> Double {
        length / metresPerSecond * (highway == "steps" ? stepsSlowdown : 1)
    }
}
