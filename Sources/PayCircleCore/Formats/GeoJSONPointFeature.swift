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
        var fields: [String: String] = ["lon": String(lon), "lat": String(lat)]
        let properties = feature["properties"] as? [String: Any] ?? [:]
        for name in PointRecord.fieldNames where name != "lat" && name != "lon" {
            guard let value = properties[name], !(value is NSNull) else { continue }
            switch value {
            case let text as String: fields[name] = text
            case let list as [Any]: fields[name] = list.map { "\($0)" }.joined(separator: ",")
            case let number as Double: fields[name] = number == number.rounded() ? String(Int(number)) : String(number)
            default: throw InputError("expected text, not \(type(of: value))", field: "properties.\(name)")
            }
        }
        if fields["id"] == nil, let id = feature["id"] {
            fields["id"] = "\(id)"
        }
        return PointRecord(fields)
    }

    private static func number(_ value: Any) -> Double? {
        value is String ? nil : value as? Double
    }
}
