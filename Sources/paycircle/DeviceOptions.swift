import ArgumentParser
import PayCircleEngine

/// How devices are watched (`serve`).
struct DeviceOptions: ParsableArguments {
    @Option(help: "Seconds a device may be silent before it counts as offline.") var heartbeatTimeout: Double = DeviceRules().heartbeatTimeout

    func validate() throws {
        guard heartbeatTimeout.isFinite, DeviceRules.timeoutRange.contains(heartbeatTimeout) else {
            throw ValidationError("--heartbeat-timeout takes seconds from \(Int(DeviceRules.timeoutRange.lowerBound)) to \(Int(DeviceRules.timeoutRange.upperBound))")
        }
    }

    var rules: DeviceRules { DeviceRules(heartbeatTimeout: heartbeatTimeout) }
}
