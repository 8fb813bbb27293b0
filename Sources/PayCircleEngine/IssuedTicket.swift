import PayCircleCore

/// A ticket just issued: the ticket, the key that cancels it (shown to its holder this once) and the
/// walking seconds to the hall from where the holder is, when given.
public struct IssuedTicket: Sendable {
    public let ticket: QueueTicket
    public let key: String
    public let walkSeconds: Double?
}
