import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PayCircleCore
import PayCircleSimulation

/// The demo's machines over HTTP: each call goes to the public API with the token of the machine that
/// makes it (the hall's operator token, the device's own token, the demo's admin token for set-up).
struct DemoAPIClient: DemoEndpoint {
    let base: URL
    /// Operator tokens by hall, device tokens by device.
    let operators: [String: String]
    let devices: [String: String]

    /// Sends `body` (JSON) and answers the status and the JSON answer.
    @discardableResult
    func send(_ method: String, _ path: String, token: String?, json body: Data? = nil, contentType: String = "application/json") async throws -> (Int, [String: Any]) {
        var request = URLRequest(url: base.appendingPathComponent(path))
        request.httpMethod = method
        request.timeoutInterval = 10
        if let token { request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = body
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return (status, (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:])
    }

    /// Sends and fails unless the answer is a success.
    @discardableResult
    func expect(_ method: String, _ path: String, token: String?, json body: [String: Any]) async throws -> [String: Any] {
        let (status, answer) = try await send(method, path, token: token, json: try JSONSerialization.data(withJSONObject: body))
        guard (200..<300).contains(status) else { throw DemoFailure("\(method) \(path) answered \(status): \(answer)") }
        return answer
    }

    func issueTicket(hallID: String, service: PaymentService, customer: String) async throws -> String? {
        let body = try JSONSerialization.data(withJSONObject: ["service": service.rawValue, "customer": customer])
        let (status, answer) = try await send("POST", "/v1/halls/\(hallID)/tickets", token: nil, json: body)
        return status == 201 ? answer["number"] as? String : nil
    }

    func call(hallID: String, service: PaymentService, number: String) async throws {
        try await expect("POST", "/v1/halls/\(hallID)/calls", token: operators[hallID], json: ["service": service.rawValue, "number": number])
    }

    func close(hallID: String, service: PaymentService, number: String, served: Bool) async throws {
        try await expect("POST", "/v1/halls/\(hallID)/calls", token: operators[hallID],
                         json: ["service": service.rawValue, "number": number, "outcome": served ? "served" : "no_show"])
    }

    func report(hallID: String, service: PaymentService, queue: ServiceQueue) async throws {
        var figures: [String: Any] = ["waiting": queue.waiting, "open_counters": queue.openCounters, "handling_s": queue.handlingSeconds]
        if let served = queue.servedToday { figures["served_today"] = served }
        try await expect("PUT", "/v1/halls/\(hallID)/queue", token: operators[hallID], json: ["services": [service.rawValue: figures]])
    }

    func heartbeat(deviceID: String, fault: String?, counters: [String: Int], acknowledged: [String]) async throws -> [String] {
        var body: [String: Any] = ["status": fault == nil ? "ok" : "fault", "counters": counters, "acks": acknowledged]
        if let fault { body["fault"] = fault }
        let answer = try await expect("POST", "/v1/devices/\(deviceID)/heartbeat", token: devices[deviceID], json: body)
        return (answer["commands"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }
}

/// A demo step the service refused.
struct DemoFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
