import ArgumentParser

/// Answers with geometry or pictures.
enum PlanningFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, geojson, svg, png
}
