import Foundation

/// Reads population areas from a GeoJSON FeatureCollection of Polygon or MultiPolygon features, the
/// population and name taken from the named properties. The first problem ends the read with an
/// ``InputError`` naming the feature and the property.
///
/// ```swift
/// let towns = try AreaFileReader.parseGeoJSON(data, populationProperty: "population_2020")
/// ```
public enum AreaFileReader {
    public static func read(contentsOf url: URL, populationProperty: String = "population", nameProperty: String = "name",
                            limits: ImportLimits = .areaFiles) throws(InputError) -> [PopulationArea] {
        let data = try InputFile.contents(of: url, limits: limits)
        do throws(InputError) {
            return try parseGeoJSON(data, populationProperty: populationProperty, nameProperty: nameProperty, limits: limits)
        } catch {
            throw error.located(source: url.lastPathComponent)
        }
    }

    public static func parseGeoJSON(_ data: Data, populationProperty: String = "population", nameProperty: String = "name",
                                    limits: ImportLimits = .areaFiles) throws(InputError) -> [PopulationArea] {
        let features = try GeoJSONFeatureCollection.features(in: data)
        try limits.checkCount(features.count, of: "features")
        var seen = Set<String>()
        var areas: [PopulationArea] = []
        for (index, element) in features.enumerated() {
            do throws(InputError) {
                let area = try area(from: element, index: index, populationProperty: populationProperty, nameProperty: nameProperty)
                guard seen.insert(area.id).inserted else { throw InputError("id '\(area.id)' appears twice", field: "id") }
                areas.append(area)
            } catch {
                throw error.located(feature: index)
            }
        }
        return areas
    }

    private static func area(from element: Any, index: Int, populationProperty: String, nameProperty: String) throws(InputError) -> PopulationArea {
        guard let feature = element as? [String: Any], feature["type"] as? String == "Feature" else {
            throw InputError("not a GeoJSON Feature", field: "type")
        }
        let properties = feature["properties"] as? [String: Any] ?? [:]
        guard let rawPopulation = properties[populationProperty] else {
            let available = properties.keys.sorted().joined(separator: ", ")
            throw InputError("missing; name the population property with --population-property (this feature has: \(available))",
                             field: "properties.\(populationProperty)")
        }
        let population: Double
        switch rawPopulation {
        case let number as Double where number.isFinite && number >= 0: population = number
        case let text as String where Double(text).map { $0.isFinite && $0 >= 0 } == true: population = Double(text)!
        default: throw InputError("'\(rawPopulation)' is not a population (a number of people, 0 or more)", field: "properties.\(populationProperty)")
        }
        let id = (properties["id"] ?? feature["id"]).map { "\($0)" } ?? "area-\(index)"
        let name = (properties[nameProperty] as? String) ?? id
        guard let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String else {
            throw InputError("missing geometry", field: "geometry")
        }
        return PopulationArea(id: id, name: name, population: population, polygons: try polygons(type: type, coordinates: geometry["coordinates"]))
    }

    /// The polygons of a GeoJSON Polygon or MultiPolygon geometry object.
    public static func polygons(fromGeometry geometry: [String: Any]) throws(InputError) -> [PopulationArea.Polygon] {
        try polygons(type: geometry["type"] as? String ?? "nothing", coordinates: geometry["coordinates"])
    }

    private static func polygons(type: String, coordinates: Any?) throws(InputError) -> [PopulationArea.Polygon] {
        switch (type, coordinates) {
        case ("Polygon", let coordinates?): return [try polygon(coordinates)]
        case ("MultiPolygon", let coordinates as [Any]):
            guard !coordinates.isEmpty else { throw InputError("a MultiPolygon needs at least one polygon", field: "geometry.coordinates") }
            var result: [PopulationArea.Polygon] = []
            for item in coordinates { result.append(try polygon(item)) }
            return result
        default: throw InputError("geometry must be a Polygon or MultiPolygon, not \(type)", field: "geometry.type")
        }
    }

    private static func polygon(_ value: Any) throws(InputError) -> PopulationArea.Polygon {
        guard let rings = value as? [Any], !rings.isEmpty else { throw InputError("a polygon needs at least one ring", field: "geometry.coordinates") }
        var result: PopulationArea.Polygon = []
        for ring in rings {
            guard let positions = ring as? [Any] else { throw InputError("a ring must be an array of positions", field: "geometry.coordinates") }
            var coordinates: [Coordinate] = []
            for position in positions {
                guard let pair = position as? [Any], pair.count >= 2, let lon = pair[0] as? Double, let lat = pair[1] as? Double,
                      Coordinate(latitude: lat, longitude: lon).isValid else {
                    throw InputError("a position must be [longitude, latitude] within ±180 and ±90", field: "geometry.coordinates")
                }
                coordinates.append(Coordinate(latitude: lat, longitude: lon))
            }
            guard coordinates.count >= 4, coordinates.first == coordinates.last else {
                throw InputError("a ring needs at least four positions, the last equal to the first", field: "geometry.coordinates")
            }
            result.append(coordinates)
        }
        return result
    }
}
