import PayCircleCore

/// Fields the planning responses share.
enum PlanningJSON {
    static let attribution = "Walking network and channels: © OpenStreetMap contributors, ODbL"

    /// Minutes, moment, totals, channel counts and method of a coverage report.
    static func header(_ report: CoverageReport, to json: inout JSONWriter) {
        json.field("minutes", report.minutes)
        json.field("at", report.at)
        json.field("population", report.population.rounded())
        json.field("covered_population", report.coveredPopulation.rounded())
        json.field("covered_share", report.coveredShare, places: 4)
        channels(report.channels, offNetwork: true, to: &json)
        json.field("population_source", report.populationSource)
        json.field("method", report.methodNote)
        json.field("detour_factor", report.detourFactor)
    }

    /// The `channels` object: how the chosen kinds stood at the moment, with how many counted channels
    /// lie off the network when `offNetwork`.
    static func channels(_ counts: ChannelCounts, offNetwork: Bool, to json: inout JSONWriter) {
        json.key("channels")
        json.object { json in
            json.field("counted", counts.counted)
            json.field("closed", counts.closed)
            json.field("unknown_hours", counts.unknownHours)
            json.field("assumed_hours", counts.assumedHours)
            if offNetwork { json.field("off_network", counts.offNetwork) }
        }
    }

    static func areaFields(_ area: CoverageReport.Area, to json: inout JSONWriter) {
        json.field("id", area.id)
        json.field("name", area.name)
        json.field("population", area.population.rounded())
        json.field("covered_population", area.coveredPopulation.rounded())
        json.field("uncovered_population", area.uncoveredPopulation.rounded())
        json.field("covered_share", area.coveredShare, places: 4)
        json.nullableField("median_walk_s", area.medianWalkSeconds.map { $0.rounded() })
        json.field("method", area.method.rawValue)
    }

    /// A GeoJSON FeatureCollection with the OSM attribution, one Feature per item.
    static func featureCollection<Item>(
        _ items: [Item], to json: inout JSONWriter,
        geometry: (Item, inout JSONWriter) -> Void, properties: (Item, inout JSONWriter) -> Void
    ) {
        json.object { json in
            json.field("type", "FeatureCollection")
            json.field("attribution", attribution)
            json.key("features")
            json.array { json in
                for item in items {
                    json.object { json in
                        json.field("type", "Feature")
                        json.key("geometry")
                        geometry(item, &json)
                        json.key("properties")
                        json.object { json in properties(item, &json) }
                    }
                }
            }
        }
    }

    static func multiPolygon(_ polygons: [PopulationArea.Polygon], to json: inout JSONWriter) {
        json.object { json in
            json.field("type", "MultiPolygon")
            json.key("coordinates")
            json.array { json in
                for polygon in polygons {
                    json.array { json in
                        for ring in polygon { json.array { json in for position in ring { json.position(position) } } }
                    }
                }
            }
        }
    }
}
