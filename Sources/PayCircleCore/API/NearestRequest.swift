import Foundation

/// A nearest-channel request as the API and the CLI accept it, validated into a ``NearestQuery``.
///
/// Parameters: `lat`, `lon` (in `crs`), `k` (1–100, default 5), `kind`, `service`, `status` (comma lists),
/// `at` (ISO 8601: only channels open then), `by` (`distance` or `walk`), `crs` (`wgs84`, `gcj02`, `bd09`),
/// `radius` (metres).
public struct NearestRequest: Sendable {
    /// How results are ranked.
    public enum Ranking: String, Sendable, CaseIterable, Codable {
        case distance, walk
        /// Walking time plus the expected wait on arrival.
        case time
    }

    public var query: NearestQuery
    public var crs: CoordinateSystem
    public var ranking: Ranking
    /// With `by=time`: the service whose queue counts — the `service` filter when it names exactly one,
    /// else the quickest queue the hall reported.
    public var queueService: PaymentService? {
        let wanted = query.services.services
        return wanted.count == 1 ? wanted.first : nil
    }
    /// The location as given, in `crs`.
    public var givenLocation: Coordinate

    public init(_ parameters: QueryParameters, now: Date = Date()) throws(InputError) {
        crs = try parameters.enumeration("crs", default: CoordinateSystem.wgs84)
        ranking = try parameters.enumeration("by", default: Ranking.distance)
        givenLocation = try parameters.latitudeLongitude()
        let k = try parameters.integer("k", default: 5, in: NearestQuery.kRange)
        query = NearestQuery(
            location: crs.toWGS84(givenLocation), k: k,
            kinds: try parameters.list("kind", of: PointKind.self).map(Set.init),
            services: ServiceSet(try parameters.list("service", of: PaymentService.self) ?? []),
            statuses: try parameters.list("status", of: PointStatus.self).map(Set.init),
            openAt: try parameters.timestamp("at"), evaluatedAt: now,
            maxDistance: try parameters.double("radius", in: 0...20_000_000)
        )
    }
}
