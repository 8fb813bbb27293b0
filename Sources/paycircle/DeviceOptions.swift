import ArgumentParser
import PayCircleEngine

/// How devices are watched and when the dashboard alerts (`serve`).
struct DeviceOptions: ParsableArguments {
    @Option(help: "Seconds a device may be silent before it counts as offline.") var heartbeatTimeout: Double = DeviceRules().heartbeatTimeout
    @Option(help: "The dashboard alerts when a hall's wait is longer than this many seconds.") var alertWait: Double = Dashboard.Thresholds().waitSeconds
    @Option(help: "The dashboard alerts when a device is offline or faulty for longer than this many seconds.")
    var alertDeviceDown: Double = Dashboard.Thresholds().deviceDownSeconds

    func validate() throws {
        guard heartbeatTimeout.isFinite, DeviceRules.timeoutRange.contains(heartbeatTimeout) else {
            throw ValidationError("--heartbeat-timeout takes seconds from \(Int(DeviceRules.timeoutRange.lowerBound)) to \(Int(DeviceRules.timeoutRange.upperBound))")
        }
        guard alertWait.isFinite, alertWait > 0 else { throw ValidationError("--alert-wait takes a number of seconds above 0") }
        guard alertDeviceDown.isFinite, alertDeviceDown >= 0 else { throw ValidationError("--alert-device-down takes a number of seconds, 0 or more") }
    }

    var rules: DeviceRules { DeviceRules(heartbeatTimeout: heartbeatTimeout) }
    var alerts: Dashboard.Thresholds { Dashboard.Thresholds(waitSeconds: alertWait, deviceDownSeconds: alertDeviceDown) }
}
