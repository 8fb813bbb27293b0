/// What a device in a payment point is.
public enum DeviceKind: String, Sendable, CaseIterable, Codable {
    case kiosk
    case queueMachine = "queue_machine"
    case selfServiceTerminal = "self_service_terminal"
    case businessTerminal = "business_terminal"
    case invoicePrinter = "invoice_printer"
    case infoTerminal = "info_terminal"
}
