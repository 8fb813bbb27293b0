import Foundation

/// Turns one GeoJSON Feature with a Point geometry into a ``PointRecord``.
enum GeoJSONPointFeature {
    static func record(from element: Any) throws(InputError) -> PointRecord {
        guard let feature = element as? [String: Any], feature["type"] as? String == "Feature" else {
            throw InputError("not a GeoJSON Feature", field: "type")
        }
        guard let geometry = feature["geometry"] as? [String: Any] else {
            throw InputError("missing geometry", field: "geometry")
        }
        guard geometry["type"] as? String == "Point" else {
            throw InputError("geometry must be a Point, not \(geometry["type"] ?? "nothing")", field: "geometry.type")
        }
        guard let position = geometry["coordinates"] as? [Any], position.count >= 2,
              let lon = number(position[0]), let lat = number(position[1]) else {
            throw InputError("expected [longitude, latitude] numbers", field: "geometry.coordinates")
        }
        var properties = feature["properties"] as? [String: Any] ?? [:]
        properties["lat"] = lat
        properties["lon"] = lon
        var record: PointRecord
        do throws(InputError) { record = try PointRecord(jsonObject: properties) } catch {
            throw InputError(error.message, field: error.field.map { $0 == "lat" || $0 == "lon" ? $0 : "properties.\($0)" })
        }
        if record.fields["id"] == nil, let id = feature["id"] {
            record.fields["id"] = "\(id)"
        }
        return record
    }

    private static func number(_ value: Any) -> Double? {
        value is String ? nil : value as? Double
    }
}
