/// What a customer can do at a channel.
public enum PaymentService: String, Sendable, CaseIterable, Codable {
    case cash, card, qr, invoice, business

    var bit: UInt8 { UInt8(1) << UInt8(Self.allCases.firstIndex(of: self)!) }
}

/// A set of ``PaymentService`` values packed in one byte, so filters test membership with a mask.
///
/// ```swift
/// let services: ServiceSet = [.cash, .qr]
/// services.isSuperset(of: [.cash])   // true
/// ```
public struct ServiceSet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public init(_ services: some Sequence<PaymentService>) {
        self.init(rawValue: services.reduce(0) { $0 | $1.bit })
    }

    /// The services in declaration order.
    public var services: [PaymentService] {
        PaymentService.allCases.filter { rawValue & $0.bit != 0 }
    }
}

extension ServiceSet: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: PaymentService...) { self.init(elements) }
}

extension ServiceSet: Codable {
    public init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([PaymentService].self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(services)
    }
}
