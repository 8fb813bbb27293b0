/// The kinds of work a route does, each with limits of its own.
public enum RouteClass: String, Sendable, CaseIterable {
    /// Reads that cost microseconds to milliseconds: nearest, points, routes, short isochrones, pages.
    case light
    /// Planning: coverage, gaps, suggestions, streets, isochrones over 20 minutes, maps.
    case heavy
    /// Taking or cancelling a remote ticket: a few an hour for one person.
    case ticket
    /// Writes with a token: points, status, queue reports.
    case write
}
