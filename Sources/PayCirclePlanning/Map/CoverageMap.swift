import Foundation
import PayCircleCore
import PayCircleNetwork

/// A planner's picture of coverage: areas tinted by covered share (gaps in red), streets coloured by the
/// walk to the nearest open channel, the channels (counted ones filled), a legend and the OSM attribution.
///
/// ```swift
/// let map = CoverageMap(planner: planner, settings: settings)
/// try Data(map.png()).write(to: URL(fileURLWithPath: "coverage.png"))
/// ```
public struct CoverageMap {
    public let planner: CoveragePlanner
    public let settings: CoverageSettings
    /// Areas below this covered share are drawn as gaps.
    public var threshold = 0.9
    public var width = 1_200
    public var height = 900

    public init(planner: CoveragePlanner, settings: CoverageSettings) {
        self.planner = planner
        self.settings = settings
    }

    /// The map as an SVG document.
    public func svg() -> String {
        var document = SVGDocument(width: width, height: height, background: .white)
        draw(on: &document)
        return document.text
    }

    /// The map as a PNG picture.
    public func png() -> [UInt8] {
        var canvas = RasterCanvas(width: width, height: height, background: .white)
        draw(on: &canvas)
        return canvas.pngData()
    }

    /// Draws the map on `surface`, fitting the areas to its width and all but the legend's 60 pixels of
    /// its height.
    public func draw(on surface: inout some MapSurface) {
        let report = planner.coverage(settings)
        let frame = MapFrame(planner: planner, width: Double(surface.width), height: Double(surface.height - 60))
        let gap = MapColor(red: 215, green: 48, blue: 39), covered = MapColor(red: 102, green: 189, blue: 99)
        for (area, figures) in zip(planner.layout.areas, report.areas) {
            for polygon in area.polygons {
                let rings = polygon.map { $0.map(frame.pixel) }
                surface.fillPolygon(rings, color: figures.coveredShare < threshold ? gap : covered, opacity: 0.18)
                for ring in rings {
                    for (a, b) in zip(ring, ring.dropFirst()) { surface.line(from: a, to: b, color: MapColor(red: 170, green: 170, blue: 170), width: 1) }
                }
            }
        }
        if let graph = planner.graph {
            let seconds = planner.streetSeconds(settings)
            for edge in 0..<Int32(graph.edgeCount) where graph.isInMainComponent(edge: edge) {
                let e = graph.edge(edge)
                surface.line(from: frame.pixel(graph.coordinate(ofNode: e.source)), to: frame.pixel(graph.coordinate(ofNode: e.target)),
                             color: .walkingTime(seconds[Int(edge)], limit: settings.seconds), width: 1.5)
            }
        }
        let counted = Set(planner.countedChannels(settings).indices)
        if !planner.layout.surfaceSamples.isEmpty {
            // Where areas are priced by straight line, each open channel's reach is a disc.
            let radius = settings.seconds * planner.layout.walkingSpeed / settings.detourFactor
            for index in counted.sorted() {
                let centre = frame.plane.project(planner.channels[index].location)
                let ring = (0...32).map { step -> (x: Double, y: Double) in
                    let angle = Double(step) * .pi / 16
                    return frame.pixel(frame.plane.unproject(x: centre.x + radius * cos(angle), y: centre.y + radius * sin(angle)))
                }
                surface.fillPolygon([ring], color: covered, opacity: 0.45)
            }
        }
        for (index, channel) in planner.channels.enumerated() where !counted.contains(index) {
            surface.disc(centre: frame.pixel(channel.location), radius: 3, color: .grey, outline: nil)
        }
        for index in counted.sorted() {
            surface.disc(centre: frame.pixel(planner.channels[index].location), radius: 4.5, color: MapColor(red: 31, green: 78, blue: 156), outline: .white)
        }
        drawLegend(on: &surface, report: report)
    }

    private func drawLegend(on surface: inout some MapSurface, report: CoverageReport) {
        let top = surface.height - 56
        surface.fillPolygon([[(0, Double(top) - 4), (Double(surface.width), Double(top) - 4), (Double(surface.width), Double(surface.height)), (0, Double(surface.height))]],
                            color: .white, opacity: 0.9)
        let title = String(format: "Within %.0f min at %@: %.1f%% of %.0f people covered; %d channels open",
                           settings.minutes, Timestamp.utcString(settings.at), report.coveredShare * 100, report.population, report.channels.counted)
        surface.text(title, at: (10, top), color: .black, scale: 2)
        let stops: [(String, Double)] = [("0", 0), ("\(Int(settings.minutes / 2))", settings.seconds / 2), ("\(Int(settings.minutes)) min", settings.seconds),
                                         ("\(Int(settings.minutes * 2))+", settings.seconds * 2), ("no walk", .infinity)]
        for (offset, stop) in stops.enumerated() {
            let x = 10 + Double(offset) * 90
            surface.line(from: (x, Double(top) + 28), to: (x + 24, Double(top) + 28), color: .walkingTime(stop.1, limit: settings.seconds), width: 5)
            surface.text(stop.0, at: (Int(x) + 30, top + 25), color: .black, scale: 1)
        }
        surface.text("areas: red = below \(Int(threshold * 100))% covered; dots: blue = open channel, grey = not counted",
                     at: (470, top + 25), color: .black, scale: 1)
        surface.text("© OpenStreetMap contributors, ODbL", at: (10, top + 42), color: .black, scale: 1)
    }
}
