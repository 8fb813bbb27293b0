import Foundation
import Hummingbird
import HummingbirdTesting
import PayCircleServer
import PayCircleTestSupport
import Testing

/// OGC API - Features over the browser tests' city: the documents, paging and filters over HTTP, and
/// GDAL's OAPIF driver (ogrinfo) reading both collections as a GIS would.
@Suite(.serialized) struct FeatureAPITests {
    @Test func landingConformanceCollectionsItemsAndPaging() async throws {
        try await MapPageBrowserTests.withLiveServer { client, _ in
            try await client.execute(uri: "/ogc/conformance", method: .get) { response in
                let conformsTo = try HTTPRouteTests.json(response)["conformsTo"] as? [String]
                #expect(conformsTo?.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core") == true)
            }
            try await client.execute(uri: "/ogc/collections", method: .get) { response in
                let collections = try HTTPRouteTests.json(response)["collections"] as? [[String: Any]]
                #expect(collections?.map { $0["id"] as? String } == ["points", "areas"])
            }
            try await client.execute(uri: "/ogc/collections/points/items?limit=2&offset=2", method: .get) { response in
                #expect(response.headers[.contentType] == "application/geo+json; charset=utf-8")
                let page = try HTTPRouteTests.json(response)
                #expect(page["numberMatched"] as? Int == 6 && page["numberReturned"] as? Int == 2)
                let relations = (page["links"] as? [[String: Any]])?.compactMap { $0["rel"] as? String }
                #expect(relations == ["self", "collection", "next", "prev"])
            }
            // The box around the west district holds its area only.
            try await client.execute(uri: "/ogc/collections/areas/items?bbox=113.7495,23.0198,113.7520,23.0310", method: .get) { response in
                let features = try HTTPRouteTests.json(response)["features"] as? [[String: Any]]
                #expect(features?.map { $0["id"] as? String } == ["west"])
            }
            try await client.execute(uri: "/ogc/collections/points/items/kiosk-1", method: .get) { response in
                let feature = try HTTPRouteTests.json(response)
                #expect((feature["properties"] as? [String: Any])?["name"] as? String == "自助缴费终端(鸿福路)")
            }
            for (uri, status) in [("/ogc/collections/roads", 404), ("/ogc/collections/points/items/nope", 404),
                                  ("/ogc/collections/points/items?bbox=1,2,3", 400), ("/ogc/collections/points/items?limit=0", 400)] {
                try await client.execute(uri: uri, method: .get) { response in #expect(response.status.code == status, "\(uri)") }
            }
        }
    }

    @Test func gdalReadsBothCollectionsPageByPage() async throws {
        try await MapPageBrowserTests.withLiveServer { _, port in
            let url = "OAPIF:http://127.0.0.1:\(port)/ogc"
            let layers = try await ExternalProgram.run("/usr/bin/ogrinfo", ["-ro", "-q", url])
            #expect(layers.contains("points") && layers.contains("areas"), "\(layers)")
            // Pages of two features, followed through the next links.
            let points = try await ExternalProgram.run("/usr/bin/ogrinfo", ["-ro", "-al", "-oo", "PAGE_SIZE=2", url, "points"])
            #expect(points.components(separatedBy: "OGRFeature(points)").count - 1 == 6, "\(points.prefix(500))")
            #expect(points.contains("南城营业厅"))
            let areas = try await ExternalProgram.run("/usr/bin/ogrinfo", ["-ro", "-al", url, "areas"])
            #expect(areas.contains("MULTIPOLYGON") && areas.contains("东区") && areas.contains("population (Integer) = 5000"), "\(areas.prefix(800))")
        }
    }
}
