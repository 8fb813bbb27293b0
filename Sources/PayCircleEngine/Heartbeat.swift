import Foundation
import PayCircleCore

/// What a device says in a heartbeat: whether it is well (with the fault when not), its counters, and
/// the commands it has carried out since its last beat.
///
/// ```swift
/// let beat = Heartbeat(health: .fault, fault: "paper_out", counters: ["transactions": 1234], acknowledged: ["cmd_1f"])
/// ```
public struct Heartbeat: Sendable, Hashable {
    public enum Health: String, Sendable, CaseIterable {
        case ok, fault
    }

    public var health: Health
    public var fault: String?
    public var counters: [String: Int]
    public var acknowledged: [String]

    public init(health: Health, fault: String? = nil, counters: [String: Int] = [:], acknowledged: [String] = []) {
        self.health = health
        self.fault = fault
        self.counters = counters
        self.acknowledged = acknowledged
    }

    /// The fault recorded for a beat that reports one without naming it.
    public static let unnamedFault = "unspecified"
}
