/// What the control room can ask a device to do, delivered in its next heartbeat's answer.
public enum DeviceAction: String, Sendable, CaseIterable, Codable {
    case restart
    case powerOff = "power_off"
    case powerOn = "power_on"
    case maintenanceOn = "maintenance_on"
    case maintenanceOff = "maintenance_off"
}
