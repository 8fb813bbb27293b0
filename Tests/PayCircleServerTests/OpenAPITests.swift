import Foundation
import Hummingbird
import HummingbirdTesting
import PayCircleServer
import PayCircleTestSupport
import Testing

/// `/openapi.json` is a valid OpenAPI 3.1 document (openapi-spec-validator), and the live service keeps
/// to it under schemathesis' generated requests: no 5xx, only documented statuses and content types,
/// bodies that match their schemas.
@Suite(.serialized) struct OpenAPITests {
    private struct Check: Decodable {
        let valid: Bool
        let error: String
        let schemathesis: Int?
        let summary: String
    }

    @Test func theServiceKeepsToItsOpenAPIDocument() async throws {
        try await MapPageBrowserTests.withLiveServer { client, port in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                let document = try HTTPRouteTests.json(response)
                #expect(document["openapi"] as? String == "3.1.0")
                let paths = (document["paths"] as? [String: Any]).map { Set($0.keys) } ?? []
                for path in ["/v1/nearest", "/v1/route", "/v1/isochrone", "/v1/coverage", "/v1/gaps", "/v1/suggest", "/v1/streets", "/screen", "/ogc/collections/{collection}/items", "/v1/halls/{id}/queue", "/v1/halls/{id}/tickets", "/v1/tickets/{id}", "/v1/points/{id}/status", "/metrics"] {
                    #expect(paths.contains(path), "\(path)")
                }
            }
            let script = Reference.repositoryRoot.appendingPathComponent("Tools/reference/openapi_check.py").path
            let output = try await ExternalProgram.run("/usr/bin/env", ["python3", script, "http://127.0.0.1:\(port)", "15"])
            let check = try JSONDecoder().decode(Check.self, from: Data(output.utf8))
            #expect(check.valid, "\(check.error)")
            #expect(check.schemathesis == 0, "\(check.summary)")
        }
    }
}
