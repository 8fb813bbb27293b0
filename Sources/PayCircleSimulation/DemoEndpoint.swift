import Foundation
import PayCircleCore

/// What the demo's machines do through the public API, one call each; the CLI implements it over HTTP
/// with the demo's tokens, tests with a recording fake.
public protocol DemoEndpoint: Sendable {
    /// Takes a remote ticket for a customer; nil when the hall refuses one (full, closed).
    func issueTicket(hallID: String, service: PaymentService, customer: String) async throws -> String?
    func call(hallID: String, service: PaymentService, number: String) async throws
    func close(hallID: String, service: PaymentService, number: String, served: Bool) async throws
    func report(hallID: String, service: PaymentService, queue: ServiceQueue) async throws
    /// A heartbeat; answers the ids of the commands delivered in it.
    func heartbeat(deviceID: String, fault: String?, counters: [String: Int], acknowledged: [String]) async throws -> [String]
}
