import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTesting
import PayCircleCore
import PayCircleTestSupport
import Testing

/// Property-based fuzzing of the query parsers: random and mutated query strings on every read route
/// answer 200 or a 4xx whose JSON body names the problem, never a 500, and the project reads each of them
/// as Hummingbird does.
/// `PAYCIRCLE_FUZZ_CASES` and `PAYCIRCLE_FUZZ_SEED` make longer runs.
@Suite struct QueryFuzzTests {
    static let routes: [(path: String, valid: String)] = [
        ("/v1/nearest", "lat=23.021&lon=113.7505&k=2&by=walk&kind=kiosk,hall&service=card&at=2026-03-02T10:00:00%2B08:00&crs=gcj02&format=geojson"),
        ("/v1/route", "lat=23.0205&lon=113.7485&to=kiosk-1&format=geojson"),
        ("/v1/route", "lat=23.0205&lon=113.7485&to_point=23.021,113.7500"),
        ("/v1/isochrone", "lat=23.0205&lon=113.7485&minutes=5&times=5,10&crs=bd09"),
        ("/v1/points", "bbox=113.74,23.01,113.76,23.03&format=geojson"),
        ("/v1/streets", "bbox=113.74,23.01,113.76,23.03"),
        ("/v1/coverage", "minutes=10&at=2026-03-02T10:00:00Z&unknown_hours=open&status=online"),
        ("/v1/gaps", "minutes=10&threshold=0.5&radius=300"),
        ("/v1/suggest", "sites=2&candidates=osm&target_share=0.9"),
        ("/ogc/collections/points/items", "bbox=113.74,23.01,113.76,23.03&limit=2&offset=1"),
        ("/screen", "hall=hall-nancheng"),
    ]

    static let names = ["lat", "lon", "k", "by", "kind", "service", "status", "at", "compare_at", "crs", "format", "to", "to_point",
                        "minutes", "times", "bbox", "limit", "offset", "hall", "sites", "candidates", "target_share", "threshold",
                        "radius", "detour_factor", "unknown_hours", "x"]
    static let values = ["", "0", "-0", "1", "-1", "2", "10", "60", "1000", "1e309", "-1e309", "NaN", "inf", "1e-400", "0x10",
                         "99999999999999999999", "23.02", "113.75", "91", "-181", "23.02,113.75", "113.74,23.01,113.76,23.03",
                         "-180,-90,180,90", "1,2,3", "1,2,3,4,5", "walk", "distance", "geojson", "json", "csv", "wgs84", "gcj02",
                         "kiosk", "hall,,kiosk", "shop", "open", "closed", "osm", "kiosk-1", "no-such", "2026-03-02T10:00:00Z",
                         "2026-13-45T99:00:00Z", "yesterday", "%00", "%FF", "%E7%BC%B4%E8%B4%B9", "%", "%2", "+", "%20%20", "&", "="]

    /// A random query: some of the route's own parameters with hostile values, or its valid query mutated.
    static func query(_ valid: String, _ mutator: inout Mutator) -> String {
        if mutator.int(0..<2) == 0 {
            var parts = valid.split(separator: "&").map(String.init)
            for _ in 0..<mutator.int(1..<4) {
                let pair = names[mutator.int(0..<names.count)] + "=" + values[mutator.int(0..<values.count)]
                if !parts.isEmpty && mutator.int(0..<2) == 0 { parts[mutator.int(0..<parts.count)] = pair } else { parts.append(pair) }
            }
            return parts.joined(separator: "&")
        }
        // Mutated bytes, percent-encoded where they are not safe in a URI.
        return mutator.mutate(Array(valid.utf8)).map { byte -> String in
            let scalar = Unicode.Scalar(byte)
            return byte < 0x80 && (CharacterSet.alphanumerics.contains(scalar) || "-._~&=,:%+".unicodeScalars.contains(scalar))
                ? String(Character(scalar)) : String(format: "%%%02X", byte)
        }.joined()
    }

    @Test func noQueryMakesAServerError() async throws {
        try await HTTPRouteTests().withService(withNetwork: true) { client in
            var mutator = Mutator(seed: FuzzTally.seed)
            var tally = FuzzTally(target: "query parameters")
            for index in 0..<FuzzTally.cases(standard: 3_000) {
                let route = Self.routes[index % Self.routes.count]
                let uri = route.path + "?" + Self.query(route.valid, &mutator)
                let (status, problem) = try await client.execute(uri: uri, method: .get) { response -> (HTTPResponse.Status, String?) in
                    guard response.status.code >= 400 else { return (response.status, nil) }
                    let body = try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                    let error = body?["error"] as? [String: Any]
                    return (response.status, (error?["code"] as? String).flatMap { code in (error?["message"] as? String).map { code + ": " + $0 } })
                }
                #expect(status.code < 500, "\(uri)")
                if status.code >= 400 {
                    #expect(problem?.isEmpty == false, "\(uri) answered \(status.code) without a JSON error")
                    tally.reject(problem ?? "")
                } else {
                    tally.accept()
                }
            }
            print(tally)
        }
    }

    /// The project reads query strings itself (``QueryParameters/init(queryString:)``); on every fuzzed
    /// query it must find what Hummingbird's own reading finds, name by name.
    @Test func queryStringsReadAsHummingbirdReadsThem() {
        var mutator = Mutator(seed: FuzzTally.seed)
        for index in 0..<FuzzTally.cases(standard: 3_000) {
            let route = Self.routes[index % Self.routes.count]
            let query = Self.query(route.valid, &mutator)
            let uri = URI(route.path + "?" + query)
            let ours = QueryParameters(queryString: uri.query.map { $0[...] } ?? "")
            let theirs = QueryParameters(pairs: uri.queryParameters.map { (name: String($0.key), value: String($0.value)) })
            for name in Self.names {
                #expect(ours.string(name) == theirs.string(name), "\(name) in \(query)")
            }
        }
    }
}
