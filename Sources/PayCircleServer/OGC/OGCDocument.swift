import Foundation
import PayCircleCore

/// The JSON documents of OGC API - Features Part 1 (Core) under `base` (an absolute URL such as
/// `http://host/ogc`): landing page, conformance, collections, items pages and single features.
struct OGCDocument: JSONWritable {
    enum Kind {
        case landing
        case conformance
        case collections([OGCCollection])
        case collection(OGCCollection)
        case items(OGCCollection, matched: [OGCCollection.Feature], offset: Int, limit: Int, query: String)
        case item(OGCCollection, OGCCollection.Feature)
    }

    static let conformance = [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    ]

    let base: String
    let kind: Kind

    func write(to json: inout JSONWriter) {
        switch kind {
        case .landing:
            json.object { json in
                json.field("title", "PayCircle")
                json.field("description", "Places to pay electricity bills and the people around them, as OGC API - Features.")
                links(&json, [("self", base, "application/json", "This document"),
                              ("service-desc", rootURL + "/openapi.json", "application/vnd.oai.openapi+json;version=3.1", "The API definition"),
                              ("conformance", base + "/conformance", "application/json", "Conformance classes"),
                              ("data", base + "/collections", "application/json", "Collections")])
            }
        case .conformance:
            json.object { json in
                json.key("conformsTo")
                json.array { json in for uri in Self.conformance { json.string(uri) } }
            }
        case .collections(let collections):
            json.object { json in
                links(&json, [("self", base + "/collections", "application/json", "Collections")])
                json.key("collections")
                json.array { json in for collection in collections { describe(collection, to: &json) } }
            }
        case .collection(let collection):
            describe(collection, to: &json)
        case let .items(collection, matched, offset, limit, _):
            let page = matched.dropFirst(offset).prefix(limit)
            let items = base + "/collections/" + collection.id + "/items?"
            var pageLinks = [("self", items + pageQuery(offset, limit), "application/geo+json", "This page"),
                             ("collection", base + "/collections/" + collection.id, "application/json", "The collection")]
            if offset + page.count < matched.count { pageLinks.append(("next", items + pageQuery(offset + limit, limit), "application/geo+json", "Next page")) }
            if offset > 0 { pageLinks.append(("prev", items + pageQuery(max(0, offset - limit), limit), "application/geo+json", "Previous page")) }
            json.object { json in
                json.field("type", "FeatureCollection")
                json.field("attribution", "© OpenStreetMap contributors, ODbL")
                json.field("timeStamp", Date())
                json.field("numberMatched", matched.count)
                json.field("numberReturned", page.count)
                links(&json, pageLinks)
                json.key("features")
                json.array { json in for feature in page { feature.write(&json) } }
            }
        case let .item(_, feature):
            feature.write(&json)
        }
    }

    private var rootURL: String { base.hasSuffix("/ogc") ? String(base.dropLast(4)) : base }

    /// The items query of a page: the request's own filters, then `offset` and `limit`.
    private func pageQuery(_ offset: Int, _ limit: Int) -> String {
        guard case let .items(_, _, _, _, filters) = kind, !filters.isEmpty else { return "offset=\(offset)&limit=\(limit)" }
        return filters + "&offset=\(offset)&limit=\(limit)"
    }

    private func describe(_ collection: OGCCollection, to json: inout JSONWriter) {
        json.object { json in
            json.field("id", collection.id)
            json.field("title", collection.title)
            json.field("description", collection.description)
            json.field("itemType", "feature")
            json.key("crs")
            json.array { json in json.string("http://www.opengis.net/def/crs/OGC/1.3/CRS84") }
            if let box = collection.extent {
                json.key("extent")
                json.object { json in
                    json.key("spatial")
                    json.object { json in
                        json.key("bbox")
                        json.array { json in json.array { json in for value in [box.0, box.1, box.2, box.3] { json.number(value) } } }
                        json.field("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84")
                    }
                }
            }
            links(&json, [("self", base + "/collections/" + collection.id, "application/json", collection.title),
                          ("items", base + "/collections/" + collection.id + "/items", "application/geo+json", collection.title + " as GeoJSON")])
        }
    }

    private func links(_ json: inout JSONWriter, _ links: [(String, String, String, String)]) {
        json.key("links")
        json.array { json in
            for (relation, href, type, title) in links {
                json.object { json in
                    json.field("rel", relation)
                    json.field("href", href)
                    json.field("type", type)
                    json.field("title", title)
                }
            }
        }
    }
}
