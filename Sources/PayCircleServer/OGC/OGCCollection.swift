import PayCircleCore

/// One collection of OGC API - Features: its id, title, features as GeoJSON writers, and how each
/// feature's box is told, for `bbox` filters and the collection's extent.
struct OGCCollection: Sendable {
    struct Feature: Sendable {
        var id: String
        /// minLon, minLat, maxLon, maxLat.
        var box: (Double, Double, Double, Double)
        var write: @Sendable (inout JSONWriter) -> Void
    }

    var id: String
    var title: String
    var description: String
    var features: [Feature]

    /// The box around every feature, or nil when there are none.
    var extent: (Double, Double, Double, Double)? {
        guard let first = features.first?.box else { return nil }
        return features.dropFirst().reduce(first) { box, feature in
            (min(box.0, feature.box.0), min(box.1, feature.box.1), max(box.2, feature.box.2), max(box.3, feature.box.3))
        }
    }

    static func points(_ points: [PaymentPoint]) -> OGCCollection {
        OGCCollection(id: "points", title: "Payment points", description: "Places to pay an electricity bill: halls, kiosks, bank booths and branches, agency points.",
                      features: points.map { point in
                          Feature(id: point.id, box: (point.location.longitude, point.location.latitude, point.location.longitude, point.location.latitude)) { json in
                              json.object { json in
                                  json.field("type", "Feature")
                                  json.field("id", point.id)
                                  json.key("geometry")
                                  json.object { json in
                                      json.field("type", "Point")
                                      json.key("coordinates")
                                      json.position(point.location)
                                  }
                                  json.key("properties")
                                  json.value(PointJSON(point))
                              }
                          }
                      })
    }

    static func areas(_ areas: [PopulationArea]) -> OGCCollection {
        OGCCollection(id: "areas", title: "Population areas", description: "Neighbourhoods, towns or hexagons with the people who live there.",
                      features: areas.map { area in
                          let corners = area.polygons.compactMap(\.first).joined()
                          let box = (corners.map(\.longitude).min() ?? 0, corners.map(\.latitude).min() ?? 0,
                                     corners.map(\.longitude).max() ?? 0, corners.map(\.latitude).max() ?? 0)
                          return Feature(id: area.id, box: box) { json in
                              json.object { json in
                                  json.field("type", "Feature")
                                  json.field("id", area.id)
                                  json.key("geometry")
                                  json.object { json in
                                      json.field("type", "MultiPolygon")
                                      json.key("coordinates")
                                      json.array { json in
                                          for polygon in area.polygons {
                                              json.array { json in
                                                  for ring in polygon { json.array { json in for position in ring { json.position(position) } } }
                                              }
                                          }
                                      }
                                  }
                                  json.key("properties")
                                  json.object { json in
                                      json.field("id", area.id)
                                      json.field("name", area.name)
                                      json.field("population", area.population)
                                  }
                              }
                          }
                      })
    }
}
