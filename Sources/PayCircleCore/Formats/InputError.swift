/// A problem with user input, located as precisely as possible: which file, which line or feature,
/// which field.
///
/// ```swift
/// throw InputError("unknown kind 'shop'", field: "kind", source: "points.csv", line: 12)
/// // points.csv:12: kind: unknown kind 'shop'
/// ```
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var field: String?
    public var source: String?
    /// 1-based line of a text file.
    public var line: Int?
    /// 0-based index of a GeoJSON feature.
    public var feature: Int?

    public init(_ message: String, field: String? = nil, source: String? = nil, line: Int? = nil, feature: Int? = nil) {
        self.message = message
        self.field = field
        self.source = source
        self.line = line
        self.feature = feature
    }

    public var description: String {
        var location: [String] = []
        if let source { location.append(line.map { "\(source):\($0)" } ?? source) } else if let line { location.append("line \(line)") }
        if let feature { location.append("feature \(feature)") }
        if let field { location.append(field) }
        return location.isEmpty ? message : location.joined(separator: ": ") + ": " + message
    }

    /// The same error with the place it was found filled in.
    public func located(source: String? = nil, line: Int? = nil, feature: Int? = nil) -> InputError {
        var copy = self
        copy.source = source ?? copy.source
        copy.line = line ?? copy.line
        copy.feature = feature ?? copy.feature
        return copy
    }
}
