import Foundation
import Hummingbird
import HummingbirdTesting
import PayCircleServer
import Testing

/// `GET /metrics`: request counts by route pattern, method and status, and latency histograms, in the
/// Prometheus text format.
@Suite struct MetricsRouteTests {
    /// The value of the sample named `name` with exactly `labels`, read from a Prometheus text exposition.
    static func sample(_ exposition: String, _ name: String, _ labels: String) -> Double? {
        let prefix = name + "{" + labels + "} "
        guard let line = exposition.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return Double(line.dropFirst(prefix.count))
    }

    static func metrics(_ client: any TestClientProtocol) async throws -> String {
        try await client.execute(uri: "/metrics", method: .get) { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            return String(buffer: response.body)
        }
    }

    @Test func countsRequestsByRoutePatternAndStatus() async throws {
        try await HTTPRouteTests().withService { client in
            for _ in 0..<3 {
                try await client.execute(uri: "/v1/nearest?lat=23.02&lon=113.75&k=2", method: .get) { #expect($0.status == .ok) }
            }
            try await client.execute(uri: "/v1/nearest?lat=95&lon=113.75", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/v1/points/kiosk-1", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/points/no-such-point", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/no/such/route", method: .get) { #expect($0.status == .notFound) }

            let text = try await Self.metrics(client)
            let total = "paycircle_http_requests_total"
            #expect(Self.sample(text, total, #"route="/v1/nearest",method="GET",status="200""#) == 3)
            #expect(Self.sample(text, total, #"route="/v1/nearest",method="GET",status="400""#) == 1)
            // Paths with ids are counted under their pattern, so the label set stays bounded.
            #expect(Self.sample(text, total, #"route="/v1/points/{id}",method="GET",status="200""#) == 1)
            #expect(Self.sample(text, total, #"route="/v1/points/{id}",method="GET",status="404""#) == 1)
            #expect(!text.contains("no-such-point") && !text.contains("/no/such/route"))

            let histogram = "paycircle_http_request_duration_seconds"
            #expect(Self.sample(text, histogram + "_count", #"route="/v1/nearest",method="GET""#) == 4)
            #expect(Self.sample(text, histogram + "_bucket", #"route="/v1/nearest",method="GET",le="+Inf""#) == 4)
            let sum = try #require(Self.sample(text, histogram + "_sum", #"route="/v1/nearest",method="GET""#))
            #expect(sum > 0 && sum < 60)
            #expect(text.contains("# TYPE \(total) counter") && text.contains("# TYPE \(histogram) histogram"))
        }
    }
}
