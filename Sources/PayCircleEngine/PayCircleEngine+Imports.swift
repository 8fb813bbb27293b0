import PayCircleCore
import PayCircleStore

extension PayCircleEngine {
    /// Writes imported points in one transaction; `replace` removes every point the file does not hold.
    public func importPoints(_ points: [PaymentPoint], replace: Bool) async throws -> PointChangeSummary {
        try await registry.apply(PointChange(upserts: points, replace: replace ? .all : nil))
    }

    /// Replaces every population area of `store`, in one transaction (no points need loading for it).
    public static func importAreas(_ areas: [PopulationArea], into store: any LayerRepository) async throws {
        try await store.replaceAreas(areas)
    }
}
