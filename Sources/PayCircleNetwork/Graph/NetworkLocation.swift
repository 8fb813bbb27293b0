import PayCircleCore

/// A place snapped onto the network: a point on one edge, `fraction` of the way from its source to its
/// target, and how far the place itself is from there.
public struct NetworkLocation: Sendable, Hashable {
    public var edge: Int32
    public var fraction: Double
    /// The point on the edge.
    public var coordinate: Coordinate
    /// Straight-line metres from the given place to `coordinate`.
    public var snapDistance: Double
}

/// Why a walking question has no answer.
public struct NetworkError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Reason: String, Sendable {
        case noNetwork = "no_network"
        case tooFarFromNetwork = "too_far_from_network"
        case unreachable
    }

    public var reason: Reason
    public var message: String
    /// Which input the error is about (`from`, `to`, `lat`…), when one is.
    public var field: String?

    public var description: String { field.map { "\($0): \(message)" } ?? message }
}
