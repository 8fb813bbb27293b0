import Foundation

/// Named text parameters of a request (HTTP query items or CLI options) with typed, validated access.
/// Every failure is an ``InputError`` naming the parameter.
///
/// ```swift
/// let params = QueryParameters(["lat": "23.02", "k": "5"])
/// let k = try params.integer("k", default: 5, in: 1...100)
/// ```
public struct QueryParameters: Sendable {
    /// The parameters in the order given. A request names a handful, so a name is looked up by a scan
    /// from the end (a repeated name keeps its last value) rather than through a hashed dictionary.
    private var pairs: [(name: String, value: String)]

    public init(_ values: [String: String]) { pairs = values.map { (name: $0.key, value: $0.value) } }

    /// Parameters in the order given, such as a query string's; a repeated name keeps its last value.
    public init(pairs: some Sequence<(name: String, value: String)>) { self.pairs = Array(pairs) }

    /// The value of `name`, without surrounding spaces; nil when absent or blank.
    public func string(_ name: String) -> String? {
        let length = name.utf8.count
        guard let pair = pairs.last(where: { $0.name.utf8.count == length && $0.name == name }) else { return nil }
        let value = pair.value.trimmedSpaces
        return value.isEmpty ? nil : value
    }

    public func requiredDouble(_ name: String, in range: ClosedRange<Double>) throws(InputError) -> Double {
        guard let text = string(name) else { throw InputError("is required", field: name) }
        guard let value = Double(shortDecimal: text) ?? Double(text), value.isFinite else { throw InputError("'\(text)' is not a number", field: name) }
        guard range.contains(value) else { throw InputError("\(text) is outside \(range.lowerBound)...\(range.upperBound)", field: name) }
        return value
    }

    public func double(_ name: String, in range: ClosedRange<Double>) throws(InputError) -> Double? {
        guard string(name) != nil else { return nil }
        return try requiredDouble(name, in: range)
    }

    public func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(InputError) -> Int {
        guard let text = string(name) else { return fallback }
        guard let value = Int(text) else { throw InputError("'\(text)' is not a whole number", field: name) }
        guard range.contains(value) else { throw InputError("\(value) is outside \(range.lowerBound)...\(range.upperBound)", field: name) }
        return value
    }

    /// A comma-separated list of enumeration values, or `nil` when absent.
    public func list<Value: RawRepresentable & CaseIterable>(_ name: String, of type: Value.Type) throws(InputError) -> [Value]? where Value.RawValue == String {
        guard let text = string(name) else { return nil }
        var result: [Value] = []
        for item in text.split(separator: ",").map({ $0.trimmedSpaces }) where !item.isEmpty {
            guard let value = Value(rawValue: item) else {
                throw InputError("unknown value '\(item)' (expected \(Value.allCases.map(\.rawValue).joined(separator: ", ")))", field: name)
            }
            result.append(value)
        }
        return result
    }

    public func enumeration<Value: RawRepresentable & CaseIterable>(_ name: String, default fallback: Value) throws(InputError) -> Value where Value.RawValue == String {
        guard let values = try list(name, of: Value.self) else { return fallback }
        guard values.count == 1 else { throw InputError("takes one value", field: name) }
        return values[0]
    }

    public func timestamp(_ name: String) throws(InputError) -> Date? {
        guard let text = string(name) else { return nil }
        guard let date = PointRecord.parseTimestamp(text) else {
            throw InputError("'\(text)' is not an ISO 8601 time such as 2026-11-23T22:00:00+08:00", field: name)
        }
        return date
    }
}

extension QueryParameters {
    /// The place given by the `lat` and `lon` parameters, as sent (no datum conversion).
    public func latitudeLongitude() throws(InputError) -> Coordinate {
        Coordinate(latitude: try requiredDouble("lat", in: -90...90), longitude: try requiredDouble("lon", in: -180...180))
    }

    /// A `LAT,LON` pair such as `from=23.02,113.75`.
    public func latLon(_ name: String) throws(InputError) -> Coordinate {
        guard let text = string(name) else { throw InputError("is required (LAT,LON)", field: name) }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmedSpaces) }
        guard parts.count == 2, let lat = parts[0], let lon = parts[1], lat.isFinite, lon.isFinite else {
            throw InputError("'\(text)' is not LAT,LON", field: name)
        }
        guard abs(lat) <= 90, abs(lon) <= 180 else { throw InputError("'\(text)' is outside ±90 latitude or ±180 longitude", field: name) }
        return Coordinate(latitude: lat, longitude: lon)
    }
}
