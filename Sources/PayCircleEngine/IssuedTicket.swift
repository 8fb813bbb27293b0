import PayCircleCore

/// A ticket just issued: the ticket, where it stands (with the chance of a free counter when nobody is
/// ahead), the key that cancels it (shown to its holder this once) and the walking seconds to the hall
/// from where the holder is, when given.
public struct IssuedTicket: Sendable {
    public let ticket: QueueTicket
    public let place: QueuePlace
    public let key: String
    public let walkSeconds: Double?
}
