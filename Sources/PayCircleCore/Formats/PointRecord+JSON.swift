import Foundation

extension PointRecord {
    /// The fields of a decoded JSON object (a request body, or a GeoJSON Feature's properties): text as
    /// is, numbers as written, lists joined with commas; null and unknown names are left out.
    ///
    /// ```swift
    /// let record = try PointRecord(jsonObject: ["id": "k-1", "name": "自助终端", "kind": "kiosk", "lat": 23.02, "lon": 113.75])
    /// ```
    public init(jsonObject: [String: Any]) throws(InputError) {
        var fields: [String: String] = [:]
        for name in Self.fieldNames {
            guard let value = jsonObject[name], !(value is NSNull) else { continue }
            switch value {
            case let text as String: fields[name] = text
            case let list as [Any]: fields[name] = list.map { "\($0)" }.joined(separator: ",")
            case let number as Double: fields[name] = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            default: throw InputError("expected text, not \(type(of: value))", field: name)
            }
        }
        self.init(fields)
    }
}
