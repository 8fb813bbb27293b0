/// A moment by which a long computation must stop, checked by the computation itself at safe points.
///
/// ```swift
/// let deadline = Deadline(after: .seconds(10))
/// for candidate in candidates {
///     try deadline.check()          // throws DeadlineExceeded once the moment has passed
///     price(candidate)
/// }
/// ```
public struct Deadline: Sendable, Hashable {
    /// The moment, or nil for a computation that may run as long as it needs.
    public let instant: ContinuousClock.Instant?

    /// No deadline.
    public static let none = Deadline(instant: nil)

    public init(instant: ContinuousClock.Instant?) {
        self.instant = instant
    }

    /// A deadline `duration` from now.
    public init(after duration: Duration) {
        instant = .now + duration
    }

    /// Whether the moment has passed.
    public var hasPassed: Bool {
        guard let instant else { return false }
        return ContinuousClock.now >= instant
    }

    /// Throws ``DeadlineExceeded`` once the moment has passed.
    public func check() throws(DeadlineExceeded) {
        if hasPassed { throw DeadlineExceeded() }
    }
}

/// A computation ran out of its time (see ``Deadline``).
public struct DeadlineExceeded: Error, Sendable, Hashable {
    public init() {}
}
