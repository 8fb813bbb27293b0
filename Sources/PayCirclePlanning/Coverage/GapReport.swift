import PayCircleCore
import PayCircleNetwork

/// The areas where too few people are within the walk, most uncovered people first, each with the
/// outline of where its uncovered people live.
public struct GapReport: Sendable {
    public struct Gap: Sendable {
        public var area: CoverageReport.Area
        /// Where the uncovered people live, as a GeoJSON (Multi)Polygon: within 30 m of uncovered streets
        /// or buildings, or the uncovered grid squares of an area priced by straight line.
        public var uncoveredGeoJSON: String
        /// Square metres of that outline.
        public var uncoveredSurface: Double
    }

    public var coverage: CoverageReport
    /// Areas whose covered share is below this are gaps.
    public var threshold: Double
    public var gaps: [Gap]
}

extension CoveragePlanner {
    /// The areas whose covered share is below `threshold`, most uncovered people first.
    public func gaps(_ settings: CoverageSettings, threshold: Double = 0.9) -> GapReport {
        var uncovered: [Int32: [Int]] = [:]
        let report = coverage(settings) { sample, area, _, seconds in
            if seconds > settings.seconds { uncovered[area, default: []].append(sample) }
        }
        let gaps = report.areas.enumerated()
            .filter { $0.element.coveredShare < threshold && $0.element.population > 0 }
            .sorted { ($0.element.uncoveredPopulation, $1.element.id) > ($1.element.uncoveredPopulation, $0.element.id) }
            .map { index, area -> GapReport.Gap in
                let footprints = (uncovered[Int32(index)] ?? []).map { layout.footprint(ofSample: $0, on: graph) }
                guard let radius = footprints.map(\.radius).max() else {
                    return GapReport.Gap(area: area, uncoveredGeoJSON: #"{"type":"MultiPolygon","coordinates":[]}"#, uncoveredSurface: 0)
                }
                let raster = ReachRaster(segments: footprints.map { ($0.from, $0.to) }, radius: radius)
                return GapReport.Gap(area: area, uncoveredGeoJSON: raster.geoJSON(), uncoveredSurface: raster.area)
            }
        return GapReport(coverage: report, threshold: threshold, gaps: gaps)
    }
}
