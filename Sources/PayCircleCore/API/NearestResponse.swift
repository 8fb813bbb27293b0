import Foundation

/// The answer to a ``NearestRequest`` in the JSON shape of DESIGN.md:
/// `{"query": {...}, "results": [{"id", "name", "kind", "lat", "lon", "distance_m", "walk_m", "walk_s", "open", ...}]}`.
public struct NearestResponse: Encodable, Sendable {
    public struct Echo: Encodable, Sendable {
        public var lat: Double
        public var lon: Double
        public var crs: CoordinateSystem
        public var k: Int
        public var by: NearestRequest.Ranking
        public var at: String
        public var openOnly: Bool

        enum CodingKeys: String, CodingKey {
            case lat, lon, crs, k, by, at
            case openOnly = "open_only"
        }
    }

    public struct Result: Encodable, Sendable {
        public var match: NearestMatch
        public var crs: CoordinateSystem

        enum Key: String, CodingKey {
            case distanceM = "distance_m", walkM = "walk_m", walkS = "walk_s", open
        }

        public func encode(to encoder: Encoder) throws {
            var fields = encoder.container(keyedBy: PointJSON.Key.self)
            try PointJSON(match.point, crs: crs).encodeFields(into: &fields)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode((match.distance * 100).rounded() / 100, forKey: .distanceM)
            try c.encodeNil(forKey: .walkM)
            try c.encodeNil(forKey: .walkS)
            if let open = match.isOpen { try c.encode(open, forKey: .open) } else { try c.encodeNil(forKey: .open) }
        }
    }

    public var query: Echo
    public var results: [Result]

    public init(request: NearestRequest, matches: [NearestMatch]) {
        query = Echo(
            lat: request.givenLocation.latitude, lon: request.givenLocation.longitude, crs: request.crs,
            k: request.query.k, by: request.ranking, at: request.query.evaluatedAt.formatted(.iso8601),
            openOnly: request.query.openAt != nil
        )
        results = matches.map { Result(match: $0, crs: request.crs) }
    }
}
