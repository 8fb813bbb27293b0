import Foundation

/// Reads payment points from CSV (a header row naming ``PointRecord/fieldNames``) or from a GeoJSON
/// FeatureCollection of Point features. Every record is validated; the first problem ends the read with an
/// ``InputError`` naming the file, the line or feature, and the field.
///
/// ```swift
/// let points = try PointFileReader.read(contentsOf: url, crs: .gcj02)
/// ```
public enum PointFileReader {
    public static func read(contentsOf url: URL, crs: CoordinateSystem = .wgs84, now: Date = Date(),
                            limits: ImportLimits = .pointFiles) throws(InputError) -> [PaymentPoint] {
        let data = try InputFile.contents(of: url, limits: limits)
        let name = url.lastPathComponent
        switch url.pathExtension.lowercased() {
        case "csv": return try located(name) { () throws(InputError) in try parseCSV(data, crs: crs, now: now, limits: limits) }
        case "geojson", "json": return try located(name) { () throws(InputError) in try parseGeoJSON(data, crs: crs, now: now, limits: limits) }
        default: throw InputError("unsupported file type '.\(url.pathExtension)' (expected .csv or .geojson)", source: url.path)
        }
    }

    public static func parseCSV(_ data: Data, crs: CoordinateSystem = .wgs84, now: Date = Date(),
                                limits: ImportLimits = .pointFiles) throws(InputError) -> [PaymentPoint] {
        guard let text = String(data: data, encoding: .utf8) else { throw InputError("the file is not UTF-8 text") }
        let table = try CSVTable(parsing: text)
        try limits.checkCount(table.records.count, of: "rows")
        for required in ["id", "name", "kind", "lat", "lon"] where !table.header.contains(required) {
            throw InputError("the header has no '\(required)' column", field: required, line: 1)
        }
        var seen: [String: Int] = [:]
        var points: [PaymentPoint] = []
        for record in table.records {
            guard record.values.count == table.header.count else {
                throw InputError("\(record.values.count) fields where the header has \(table.header.count)", line: record.line)
            }
            let fields = Dictionary(zip(table.header, record.values), uniquingKeysWith: { first, _ in first })
            do throws(InputError) {
                let point = try PointRecord(fields).point(crs: crs, now: now)
                if let earlier = seen[point.id] {
                    throw InputError("id '\(point.id)' already appears on line \(earlier)", field: "id")
                }
                seen[point.id] = record.line
                points.append(point)
            } catch {
                throw error.located(line: record.line)
            }
        }
        return points
    }

    public static func parseGeoJSON(_ data: Data, crs: CoordinateSystem = .wgs84, now: Date = Date(),
                                    limits: ImportLimits = .pointFiles) throws(InputError) -> [PaymentPoint] {
        let features = try GeoJSONFeatureCollection.features(in: data)
        try limits.checkCount(features.count, of: "features")
        var seen: [String: Int] = [:]
        var points: [PaymentPoint] = []
        for (index, element) in features.enumerated() {
            do throws(InputError) {
                let point = try GeoJSONPointFeature.record(from: element).point(crs: crs, now: now)
                if let earlier = seen[point.id] {
                    throw InputError("id '\(point.id)' already appears in feature \(earlier)", field: "id")
                }
                seen[point.id] = index
                points.append(point)
            } catch {
                throw error.located(feature: index)
            }
        }
        return points
    }

    private static func located<T>(_ source: String, _ body: () throws(InputError) -> T) throws(InputError) -> T {
        do throws(InputError) { return try body() } catch { throw error.located(source: source) }
    }
}
