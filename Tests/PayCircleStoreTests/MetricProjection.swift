import CProj
import Foundation
import PayCircleCore
import PayCircleStore
import Synchronization

/// A projected CRS in metres around a place, through PROJ: the tests' independent reference for metric
/// work (the service itself uses its own local planes).
///
/// The zone is the UTM zone (WGS-84, EPSG:326xx north / 327xx south) containing the given centre.
///
/// ```swift
/// let utm = try MetricProjection(around: Coordinate(latitude: 23.02, longitude: 113.75))
/// let (x, y) = try utm.project(point)        // metres east, north
/// ```
final class MetricProjection: Sendable {
    let epsgCode: Int
    private let state: Mutex<ProjState>

    init(around centre: Coordinate) throws {
        epsgCode = Self.utmCode(around: centre)
        state = Mutex(try ProjState(target: "EPSG:\(epsgCode)"))
    }

    /// The EPSG code of the WGS-84 UTM zone containing `centre`.
    static func utmCode(around centre: Coordinate) -> Int {
        let zone = min(60, max(1, Int(floor((centre.longitude + 180) / 6)) + 1))
        return (centre.latitude >= 0 ? 32600 : 32700) + zone
    }

    /// Easting and northing in metres.
    func project(_ c: Coordinate) throws -> (x: Double, y: Double) {
        try state.withLock { try $0.transform(c.longitude, c.latitude, direction: PJ_FWD) }
    }

    func unproject(x: Double, y: Double) throws -> Coordinate {
        let (lon, lat) = try state.withLock { try $0.transform(x, y, direction: PJ_INV) }
        return Coordinate(latitude: lat, longitude: lon)
    }
}

/// A PROJ context and transformation; PROJ objects are used by one thread at a time.
private struct ProjState: ~Copyable, @unchecked Sendable {
    let context: OpaquePointer
    let transformation: OpaquePointer

    init(target: String) throws {
        guard let context = proj_context_create() else { throw StoreError("PROJ: cannot create a context") }
        guard let raw = proj_create_crs_to_crs(context, "EPSG:4326", target, nil) else {
            proj_context_destroy(context)
            throw StoreError("PROJ: no transformation from EPSG:4326 to \(target)")
        }
        // Longitude-first axis order, whatever the CRS definitions say.
        let normalized = proj_normalize_for_visualization(context, raw)
        proj_destroy(raw)
        guard let normalized else {
            proj_context_destroy(context)
            throw StoreError("PROJ: cannot normalise the axis order of \(target)")
        }
        self.context = context
        self.transformation = normalized
    }

    deinit {
        proj_destroy(transformation)
        proj_context_destroy(context)
    }

    func transform(_ a: Double, _ b: Double, direction: PJ_DIRECTION) throws -> (Double, Double) {
        let result = proj_trans(transformation, direction, proj_coord(a, b, 0, 0))
        guard result.xy.x.isFinite, result.xy.y.isFinite else { throw StoreError("PROJ: cannot transform (\(a), \(b))") }
        return (result.xy.x, result.xy.y)
    }
}
