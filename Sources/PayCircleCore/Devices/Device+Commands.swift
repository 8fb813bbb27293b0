extension Device {
    /// What carrying out `action` leaves set: maintenance on or off, power on or off; a restart changes nothing.
    public mutating func carryOut(_ action: DeviceAction) {
        switch action {
        case .restart: break
        case .powerOff: powered = false
        case .powerOn: powered = true
        case .maintenanceOn: maintenance = true
        case .maintenanceOff: maintenance = false
        }
    }
}
