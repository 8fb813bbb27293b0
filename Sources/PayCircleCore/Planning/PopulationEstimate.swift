/// How many people live in residential buildings: floor area (footprint × levels) divided by the floor
/// area each person has.
///
/// The default, 35 m² a person, is close to China's 2020 census figure for urban homes (about 36.5 m² of
/// floor per person); set it to the local figure elsewhere.
///
/// ```swift
/// PopulationEstimate().people(in: ResidentialBuilding(id: "osm:w1", location: here, footprint: 700, levels: 6))   // 120
/// ```
public struct PopulationEstimate: Sendable, Hashable {
    public static let standard = PopulationEstimate()

    public var floorAreaPerPerson: Double

    public init(floorAreaPerPerson: Double = 35) {
        self.floorAreaPerPerson = floorAreaPerPerson
    }

    /// The estimated residents of `building`.
    public func people(in building: ResidentialBuilding) -> Double {
        building.floorArea / floorAreaPerPerson
    }
}
