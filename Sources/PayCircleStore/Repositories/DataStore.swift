/// A whole store: every repository over one database, SpatiaLite or PostGIS. Code that needs one
/// aggregate takes that repository's protocol instead.
///
/// ```swift
/// let store: any DataStore = try await PostGISStore.open(PostgresLocation(url))
/// let registry = try await PointRegistry(store: store)
/// ```
public protocol DataStore: PointRepository, LayerRepository, AccessRepository, QueueReportRepository, TicketRepository, AppointmentRepository,
                           DeviceRepository {
    /// The schema version the store is at (``StoreSchema/latestVersion`` once opened).
    func schemaVersion() async throws -> Int
}
