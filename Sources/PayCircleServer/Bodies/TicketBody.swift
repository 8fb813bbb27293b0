import PayCircleCore

/// `POST /v1/halls/{id}/tickets`: `{"service": "cash", "customer": "9f2c…", "lat": 23.02, "lon": 113.75}`;
/// the place is optional and its numbers may be written as text.
struct TicketBody: Decodable {
    let service: PaymentService
    /// The app's opaque id of its user (e.g. a hashed account id): one line, 1 to 200 characters.
    let customer: String
    /// Where the holder is (WGS-84), for when to leave.
    let place: Coordinate?

    static let customerLength = 1...200

    init(from decoder: any Decoder) throws {
        let members = try decoder.members(else: "expected an object")
        service = try members.required(oneOf: PaymentService.self, BodyKey("service"))
        customer = try Self.customer(in: members)
        let lat = try members.optional(NumberOrText.self, BodyKey("lat"), else: "expected a number from -90 to 90")
        let lon = try members.optional(NumberOrText.self, BodyKey("lon"), else: "expected a number from -180 to 180")
        place = try Self.place(lat: lat?.text, lon: lon?.text)
    }

    /// The member `customer`: the app's id of its user, one line of ``customerLength`` characters.
    static func customer(in members: KeyedDecodingContainer<BodyKey>) throws(InputError) -> String {
        let expectation = "expected the app's id of the customer, text of \(customerLength.lowerBound) to \(customerLength.upperBound) characters"
        let customer = try members.required(String.self, BodyKey("customer"), else: expectation)
        guard customerLength.contains(customer.count) else { throw InputError(expectation, field: "customer") }
        try SingleLineText.check(customer, field: "customer")
        return customer
    }

    /// A WGS-84 place from `lat` and `lon` given together, or nil when neither is: the rule of the body
    /// and of `GET /v1/tickets/{id}?lat&lon` alike.
    static func place(lat: String?, lon: String?) throws(InputError) -> Coordinate? {
        guard lat != nil || lon != nil else { return nil }
        func number(_ text: String?, _ field: String, _ limit: Double) throws(InputError) -> Double {
            guard let parsed = text.flatMap({ Double($0) }), parsed.isFinite, abs(parsed) <= limit else {
                throw InputError("expected a number from -\(Int(limit)) to \(Int(limit))", field: field)
            }
            return parsed
        }
        return Coordinate(latitude: try number(lat, "lat", 90), longitude: try number(lon, "lon", 180))
    }
}

/// A JSON number, or text holding one, kept as text.
struct NumberOrText: Decodable {
    let text: String

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if let number = try? value.decode(Double.self) { text = String(number) } else { text = try value.decode(String.self) }
    }
}
